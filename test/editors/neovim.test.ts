// End to end in a real editor: Neovim's built-in LSP client (Debian's neovim 0.7) on a copy of
// the incident example shows the CLI's diagnostics at the same lines and applies a quick fix.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const nvim = spawnSync('sh', ['-c', 'command -v nvim'], { encoding: 'utf8' }).stdout.trim();
if (!nvim) console.log('Neovim test: nvim is not installed (apt-get install neovim; .ci/run installs it)');

interface Seen { line: number; code: string; message: string }

describe.runIf(nvim !== '')('Neovim built-in LSP client', () => {
  const work = mkdtempSync(join(tmpdir(), 'kl-nvim-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('shows the CLI diagnostics at the same lines and applies the local-address quick fix on disk', () => {
    cpSync(join(ROOT, 'examples', 'incident'), join(work, 'incident'), { recursive: true });
    const file = join(work, 'incident', 'lvs-a', 'keepalived.conf');
    const cli = JSON.parse(spawnSync(process.execPath, [join(ROOT, 'server', 'out', 'cli.js'), '--format', 'json', file], { encoding: 'utf8' }).stdout);
    const cliLines = cli.files.find((f: { path: string }) => f.path.endsWith('lvs-a/keepalived.conf')).diagnostics.map((d: { rule: string; line: number }) => `${d.rule}@${d.line}`).sort();
    const out = join(work, 'result.json');
    execFileSync(nvim, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '--noplugin', '-c', `luafile ${join(__dirname, 'neovim-driver.lua')}`], {
      env: { ...process.env, KL_SERVER: `${process.execPath} ${join(ROOT, 'server', 'out', 'server.js')} --stdio`, KL_FILE: file, KL_ROOT: join(work, 'incident'), KL_FIX_RULE: 'local-address-not-on-host', KL_OUT: out },
      timeout: 60_000, stdio: 'ignore',
    });
    const result = JSON.parse(readFileSync(out, 'utf8')) as { before: Seen[]; after: Seen[]; applied?: string };
    expect(result.before.map((d) => `${d.code}@${d.line}`).sort()).toEqual(cliLines);
    expect(result.applied).toContain('10.186.87.105');
    expect(readFileSync(file, 'utf8')).toContain('    10.186.87.105 bond0\n');
    expect(result.after.map((d) => d.code)).not.toContain('local-address-not-on-host');
  }, 120_000);
});
