/** Golden inputs from test/fixtures (written by vdsm's own mailbox code). */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

export function fixture(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, ...parts)));
}

export function fixtureJson<T = any>(...parts: string[]): T {
  return JSON.parse(readFileSync(path.join(FIXTURES, ...parts), 'utf8')) as T;
}
