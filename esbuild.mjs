// Bundles the CLI, the language server and the VS Code client into single files, so the
// npm package and the .vsix need no node_modules at run time (options in scripts/bundles.mjs).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { entries, shared } from './scripts/bundles.mjs';

await Promise.all(Object.values(entries).filter((e) => existsSync(e.entryPoints[0])).map((e) => build({ ...shared, ...e })));
