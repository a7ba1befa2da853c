// The README stays true: its rule table matches the rules' metadata and its quick start
// commands are the ones CI runs.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('has its generated parts (rule table, incident output, --help) up to date', () => {
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-readme.mjs'), '--check'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('gives the install-and-lint command and the test command CI runs', () => {
    expect(readme).toContain('npm ci && node server/out/cli.js examples/incident');
    expect(readme).toContain('npm test');
    expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8')).toMatch(/^npm test$/m);
  });
});
