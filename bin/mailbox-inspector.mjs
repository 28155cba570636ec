#!/usr/bin/env node
// `npx mailbox-inspector decode inbox [outbox]`: decodes dumps with no server.
// The code is TypeScript (cli/main.ts); tsx runs it with the repo's tsconfig (its `@/` paths).
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const tsconfig = fileURLToPath(new URL('../tsconfig.json', import.meta.url));
const { main } = await tsImport('../cli/main.ts', { parentURL: import.meta.url, tsconfig });
process.exitCode = await main(process.argv.slice(2), { out: process.stdout, err: process.stderr });
