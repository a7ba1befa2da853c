// `npm run package-vsix`: builds keepalived-lint.vsix from a staging directory that holds only
// what the extension loads: the client and the language server (minified, no source maps), the
// grammar, snippets, language configuration, the workspace-file schema, the rule pages that
// diagnostics link to, the icon, the extension's own README (client/README.md), CHANGELOG.md and
// LICENSE. The CLI bundle stays out. vsce refuses a .vscodeignore beside package.json's "files",
// and "files" must keep the CLI for `npm pack` (the pre-commit hook installs that tarball), so
// the extension gets its own directory and its own package.json instead.
// Options: --out FILE (default keepalived-lint.vsix in the repository).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { entries, shared } from './bundles.mjs';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const { values } = parseArgs({ options: { out: { type: 'string', default: join(ROOT, 'keepalived-lint.vsix') } } });

/** Copied as they are, at the same relative paths package.json's contributes name. */
const STATIC = ['client/syntaxes', 'client/snippets', 'client/language-configuration.json', 'client/images/icon.png', 'schemas', 'docs/rules', 'CHANGELOG.md', 'LICENSE'];

const stage = mkdtempSync(join(tmpdir(), 'kl-vsix-'));
try {
  await Promise.all([entries.server, entries.client].map((e) =>
    build({ ...shared, ...e, absWorkingDir: ROOT, outfile: join(stage, e.outfile), minify: true, sourcemap: false })));
  for (const path of STATIC) {
    mkdirSync(dirname(join(stage, path)), { recursive: true });
    cpSync(join(ROOT, path), join(stage, path), { recursive: true });
  }
  cpSync(join(ROOT, 'client', 'README.md'), join(stage, 'README.md'));
  // The npm side of the manifest means nothing to VS Code: no bin, scripts or devDependencies,
  // and no "files" (the staging directory is the file list).
  const { files, bin, scripts, devDependencies, ...manifest } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // Says to vsce that the file list was chosen (it warns without one); vsce leaves this file out.
  writeFileSync(join(stage, '.vscodeignore'), '# Staged by scripts/package-vsix.mjs: everything here ships.\n');
  mkdirSync(dirname(resolve(values.out)), { recursive: true });
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vsce'),
    ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', resolve(values.out)],
    { cwd: stage, stdio: 'inherit' });
} finally {
  rmSync(stage, { recursive: true, force: true });
}
