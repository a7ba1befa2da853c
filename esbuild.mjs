// Bundles the CLI, the language server and the VS Code client into single files, so the
// npm package and the .vsix need no node_modules at run time. Importing this module builds
// (the postinstall relies on that); scripts/package-vsix.mjs reuses the entries for its
// minified copies.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

export const shared = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', legalComments: 'none' };

export const entries = {
  cli: { entryPoints: ['server/src/cli/main.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' } },
  server: { entryPoints: ['server/src/lsp/main.ts'], outfile: 'server/out/server.js', banner: { js: '#!/usr/bin/env node' } },
  client: { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
};

await Promise.all(Object.values(entries).filter((e) => existsSync(e.entryPoints[0])).map((e) => build({ ...shared, ...e })));
