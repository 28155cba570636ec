/**
 * A simulated pool that talks the real mailbox protocol. Pure (no Node
 * imports): runs anywhere. The file runner is server-only and lives in
 * `@/lib/simulator/runner`.
 */
export { createSimulation, type Simulation } from './simulation';
export { resolveOptions, spreadHostIds, type Range, type SimulationConfig, type SimulationOptions } from './options';
export { createRandom, type Random } from './random';
export type * from './types';
