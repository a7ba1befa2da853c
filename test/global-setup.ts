// Builds the bundles (CLI, language server, VS Code client) once before any test file runs:
// tests that start the real processes use them, and must not rebuild them in parallel.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, [join(__dirname, '..', 'esbuild.mjs')], { stdio: 'inherit' });
}
