// The esbuild options of the three bundles: esbuild.mjs builds them for the repository and the
// npm package, scripts/package-vsix.mjs builds minified copies of the server and the client.
export const shared = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', legalComments: 'none' };

export const entries = {
  cli: { entryPoints: ['server/src/cli/main.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' } },
  server: { entryPoints: ['server/src/lsp/main.ts'], outfile: 'server/out/server.js', banner: { js: '#!/usr/bin/env node' } },
  client: { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
};
