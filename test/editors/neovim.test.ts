// End to end in a real editor: Neovim's built-in LSP client (Debian's neovim 0.7) on a copy of
// the incident example shows the CLI's diagnostics at the same lines and applies a quick fix;
// on an include tree it renames a vrrp_script from the included file and fixes on save.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const nvim = spawnSync('sh', ['-c', 'command -v nvim'], { encoding: 'utf8' }).stdout.trim();
if (!nvim) console.log('Neovim test: nvim is not installed (apt-get install neovim; .ci/run installs it)');

interface Seen { line: number; code: string; message: string }
interface Result { before: Seen[]; after: Seen[]; applied?: string; renamed?: boolean; fixed_on_save: number }

/** Runs the driver with its KL_* parameters and returns what it saw. */
function runDriver(work: string, parameters: Record<string, string>): Result {
  const out = join(work, 'result.json');
  execFileSync(nvim, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '--noplugin', '-c', `luafile ${join(__dirname, 'neovim-driver.lua')}`], {
    env: { ...process.env, KL_SERVER: `${process.execPath} ${join(ROOT, 'server', 'out', 'server.js')} --stdio`, KL_OUT: out, ...parameters },
    timeout: 60_000, stdio: 'ignore',
  });
  return JSON.parse(readFileSync(out, 'utf8')) as Result;
}

const MAIN = `global_defs {
    router_id lb1
    enable_script_security
    script_user root
}
include conf.d/*.conf
vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority 100
    track_script {
        chk_haproxy
    }
    virtual_ipaddress {
        10.0.0.100/24
    }
}
virtual_server 10.0.0.100 443 {
    delay_loop 6
    lb_algo wlc
    lb_kind DR
    protocol TCP
    real_server 10.0.0.21 443 {
        weight 2
        SSL_GET {
            url {
                path /healthz
                status_code 200
            }
            connect_timeout 2
        }
    }
}
`;
const SCRIPTS = `vrrp_script chk_haproxy {
    script "/usr/bin/killall -0 haproxy"
    interval 2
}
`;

describe.runIf(nvim !== '')('Neovim built-in LSP client', () => {
  const work = mkdtempSync(join(tmpdir(), 'kl-nvim-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('shows the CLI diagnostics at the same lines and applies the local-address quick fix on disk', () => {
    cpSync(join(ROOT, 'examples', 'incident'), join(work, 'incident'), { recursive: true });
    const file = join(work, 'incident', 'lvs-a', 'keepalived.conf');
    const cli = JSON.parse(spawnSync(process.execPath, [join(ROOT, 'server', 'out', 'cli.js'), '--format', 'json', file], { encoding: 'utf8' }).stdout);
    const cliLines = cli.files.find((f: { path: string }) => f.path.endsWith('lvs-a/keepalived.conf')).diagnostics.map((d: { rule: string; line: number }) => `${d.rule}@${d.line}`).sort();
    const result = runDriver(work, { KL_FILE: file, KL_ROOT: join(work, 'incident'), KL_FIX_RULE: 'local-address-not-on-host' });
    expect(result.before.map((d) => `${d.code}@${d.line}`).sort()).toEqual(cliLines);
    expect(result.applied).toContain('10.186.87.105');
    expect(readFileSync(file, 'utf8')).toContain('    10.186.87.105 bond0\n');
    expect(result.after.map((d) => d.code)).not.toContain('local-address-not-on-host');
  }, 120_000);

  it('renames a vrrp_script from the included file in the includer too, and applies source.fixAll.keepalived on save', () => {
    const tree = join(work, 'include-tree');
    mkdirSync(join(tree, 'conf.d'), { recursive: true });
    writeFileSync(join(tree, 'keepalived.conf'), MAIN);
    writeFileSync(join(tree, 'conf.d', 'scripts.conf'), SCRIPTS);
    const result = runDriver(work, {
      KL_FILE: join(tree, 'conf.d', 'scripts.conf'), KL_ALSO_OPEN: join(tree, 'keepalived.conf'), KL_ROOT: tree, KL_FIX_RULE: '',
      KL_RENAME: 'chk_haproxy=chk_haproxy_alive', KL_FIX_ON_SAVE: '1',
    });
    expect(result.renamed).toBe(true);
    expect(readFileSync(join(tree, 'conf.d', 'scripts.conf'), 'utf8')).toBe(SCRIPTS.replace('chk_haproxy', 'chk_haproxy_alive'));
    const main = readFileSync(join(tree, 'keepalived.conf'), 'utf8');
    expect(main).toContain('    track_script {\n        chk_haproxy_alive\n    }');
    // Fix on save replaced the deprecated lb_algo/lb_kind of the includer before it was written.
    expect(main).not.toMatch(/lb_algo|lb_kind/);
    expect(result.fixed_on_save).toBeGreaterThan(0);
    // What was written leaves no undefined reference and no legacy name.
    const cli = JSON.parse(spawnSync(process.execPath, [join(ROOT, 'server', 'out', 'cli.js'), '--format', 'json', join(tree, 'keepalived.conf')], { encoding: 'utf8' }).stdout);
    const rules = (cli.files as Array<{ diagnostics: Array<{ rule: string }> }>).flatMap((f) => f.diagnostics.map((d) => d.rule));
    expect(rules).not.toContain('undefined-reference');
    expect(rules).not.toContain('deprecated-keyword');
  }, 120_000);
});
