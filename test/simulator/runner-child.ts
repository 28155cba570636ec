/**
 * Run by runner.test.ts in a child process: starts the simulator, stops it,
 * and prints what it saw. If stop() left a timer or a file open, this
 * process would not exit on its own and the test would time out.
 */
import { startSimulator } from '@/lib/simulator/runner';

const [dir, ms] = process.argv.slice(2);
const running = await startSimulator({ dir, seed: 7, speed: 20 });
await new Promise((resolve) => setTimeout(resolve, Number(ms)));
await running.stop();
console.log(JSON.stringify({ virtualMs: running.simulation.now, requests: running.simulation.requests.length }));
