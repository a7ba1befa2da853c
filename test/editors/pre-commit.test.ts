// The repository as a pre-commit hook repo, through the real pre-commit (Debian's 3.0.x):
// `pre-commit try-repo` builds the node environment from a clone of this repository, runs both
// hooks of .pre-commit-hooks.yaml, and we check the report and the fixed file on disk. Then
// the hook's settings on a repository of 12 configs and their fragments: every way of running
// it finds what `keepalived-lint .` finds.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const preCommit = spawnSync('sh', ['-c', 'command -v pre-commit'], { encoding: 'utf8' }).stdout.trim();
if (!preCommit) console.log('pre-commit test: pre-commit is not installed (apt-get install pre-commit; .ci/run installs it)');

describe.runIf(preCommit !== '')('pre-commit hooks', () => {
  const work = mkdtempSync(join(tmpdir(), 'kl-pre-commit-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('reports problems, fixes what is fixable, and passes clean files', () => {
    spawnSync('git', ['init', '-q', work]);
    mkdirSync(join(work, 'lb1'));
    cpSync(join(ROOT, 'examples', 'clean', 'lb1', 'keepalived.conf'), join(work, 'lb1', 'keepalived.conf'));
    writeFileSync(join(work, 'edge.keepalived.conf'), 'vrrp_instance VI_1 {\n    stat BACKUP\n    interface eth0\n    virtual_router_id 51\n    virtual_ipaddress {\n        10.0.0.1/24\n    }\n}\n');
    writeFileSync(join(work, 'README.conf'), 'not a keepalived file, and not matched by the hooks {\n');
    spawnSync('git', ['add', '.'], { cwd: work }); // as in a real commit: the hook sees staged files
    const run = spawnSync(preCommit, ['try-repo', ROOT, '--files', 'edge.keepalived.conf', 'lb1/keepalived.conf', 'README.conf'], {
      cwd: work, encoding: 'utf8', timeout: 300_000, env: { ...process.env, PRE_COMMIT_HOME: join(work, '.cache') },
    });
    const output = run.stdout + run.stderr;
    expect(run.status, output).toBe(1);
    expect(output).toMatch(/keepalived-lint\.+Failed/);
    expect(output).toMatch(/edge\.keepalived\.conf\n\s+2:5\s+error\s+unknown-keyword\s+unknown keyword 'stat' in 'vrrp_instance VI_1'; did you mean 'state'\?/);
    expect(output).not.toContain('lb1/keepalived.conf');
    expect(output).not.toContain('README.conf');
    expect(output).toMatch(/keepalived-lint \(fix\)\.+Failed[\s\S]*files were modified by this hook/);
    expect(readFileSync(join(work, 'edge.keepalived.conf'), 'utf8')).toContain('    state BACKUP\n');
  }, 360_000);
});

/** A main config: global_defs, the script its fragments track, and its include lines. */
const mainConfig = (routerId: string, script: string, includes: string[], extra = '') =>
  `global_defs {\n    router_id ${routerId}\n    enable_script_security\n    script_user root\n${extra}}\n` +
  `vrrp_script ${script} {\n    script "/usr/bin/true"\n}\n${includes.map((i) => `include ${i}\n`).join('')}`;

/** A VRRP instance tracking `script`, as a fragment. */
const instance = (name: string, vrid: number, priority: number, vip: string, script: string, extra = '') =>
  `vrrp_instance ${name} {\n    state BACKUP\n    interface eth0\n    virtual_router_id ${vrid}\n    priority ${priority}\n${extra}` +
  `    virtual_ipaddress {\n        ${vip}/24\n    }\n    track_script {\n        ${script}\n    }\n}\n`;

/**
 * 12 main configs in three layouts (keepalived/conf.d of the workspace's hosts, conf.d next to
 * a keepalived.conf, *.keepalived.conf with keepalived.d/ fragments), 21 fragments, and nginx's
 * conf.d. The fragments track a script only their includer defines; lb1+lb2 and lb3+lb4 are
 * VRRP pairs. Problems: an unknown keyword in a fragment and in a main config, an undefined
 * script in a fragment, a shared fragment whose script one of its two includers lacks, and a
 * priority tie between the fragments of a pair.
 */
function repository(): Record<string, string> {
  const files: Record<string, string> = {};
  const hosts = [1, 2, 3, 4].map((n) => `lb${n}`);
  files['keepalived-lint.yaml'] = stringify({
    version: 1,
    hosts: Object.fromEntries(hosts.map((h, i) => [h, { interfaces: { eth0: [`192.168.10.${11 + i}/24`] }, configs: [`hosts/${h}/keepalived/keepalived.conf`] }])),
  });
  for (const [i, host] of hosts.entries()) {
    const script = host === 'lb4' ? 'chk_db' : 'chk_web';
    const shared = i >= 2 ? ['../../shared/keepalived/vi_shared.conf'] : [];
    files[`hosts/${host}/keepalived/keepalived.conf`] = mainConfig(host, script, ['conf.d/*.conf', ...shared]);
    const vrid = 10 * (i >> 1);
    const backup = i % 2 === 1 ? 10 : 0;
    files[`hosts/${host}/keepalived/conf.d/vi_1.conf`] = instance('VI_1', vrid + 1, 100 - backup, `192.168.10.${101 + vrid}`, script);
    files[`hosts/${host}/keepalived/conf.d/vi_2.conf`] = instance('VI_2', vrid + 2, i >= 2 ? 100 : 100 - backup, `192.168.10.${102 + vrid}`, host === 'lb1' ? 'chk_missing' : script);
  }
  // lb4 defines chk_db, not chk_web: in its context the shared fragment's reference is undefined.
  files['hosts/shared/keepalived/vi_shared.conf'] = instance('VI_SHARED', 30, 100, '192.168.10.130', 'chk_web');
  for (let n = 1; n <= 4; n++) {
    files[`sites/site${n}/keepalived.conf`] = mainConfig(`site${n}`, 'chk_app', ['conf.d/*.conf']);
    files[`sites/site${n}/conf.d/vi_1.conf`] = instance('VI_1', 1, 100, `10.1.${n}.1`, 'chk_app');
    files[`sites/site${n}/conf.d/vi_2.conf`] = instance('VI_2', 2, 100, `10.1.${n}.2`, 'chk_app', n === 2 ? '    bogus_keyword 1\n' : '');
    files[`edge/edge${n}.keepalived.conf`] = mainConfig(`edge${n}`, 'chk_edge', [`keepalived.d/edge${n}/*.conf`], n === 3 ? '    bogus_global 1\n' : '');
    files[`edge/keepalived.d/edge${n}/vi_1.conf`] = instance('VI_1', 1, 100, `10.2.${n}.1`, 'chk_edge');
  }
  files['nginx/conf.d/default.conf'] = 'server {\n    listen 80;\n}\n';
  return files;
}

/** `path:line:rule` of each finding in --format gnu output, sorted. */
const findings = (output: string) =>
  [...output.matchAll(/^([^\s:][^:]*):(\d+):\d+: \w+: .* \[([a-z0-9-]+)\]$/gm)].map((m) => `${m[1]}:${m[2]}:${m[3]}`).sort();

describe.runIf(preCommit !== '')('pre-commit on configs and their fragments', () => {
  const work = mkdtempSync(join(tmpdir(), 'kl-pre-commit-fragments-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('finds the same problems with --all-files, for each fragment alone, in a commit, and as keepalived-lint .', () => {
    const cli = join(ROOT, 'server', 'out', 'cli.js');
    const files = repository();
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(work, path)), { recursive: true });
      writeFileSync(join(work, path), text);
    }
    // The hook as .pre-commit-hooks.yaml defines it, with the built CLI as its command.
    const [hook] = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
    const entry = String(hook.entry).replace(/^keepalived-lint/, `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)}`);
    const local = { ...hook, entry, language: 'system', args: ['--format', 'gnu'] };
    writeFileSync(join(work, '.pre-commit-config.yaml'), stringify({ repos: [{ repo: 'local', hooks: [local] }] }));
    const env = { ...process.env, PRE_COMMIT_HOME: join(work, '.cache'), NO_COLOR: '1' };
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: work, encoding: 'utf8', env });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '--no-verify', '-m', 'configs');
    const run = (command: string, args: string[]) => {
      const result = spawnSync(command, args, { cwd: work, encoding: 'utf8', timeout: 120_000, env });
      return result.stdout + result.stderr;
    };

    const whole = findings(run(process.execPath, [cli, '--format', 'gnu', '.']));
    expect(new Set(whole.map((f) => f.split(':')[2]))).toEqual(new Set(['unknown-keyword', 'undefined-reference', 'pair-priority-tie']));
    expect(findings(run(preCommit, ['run', '--verbose', '--all-files']))).toEqual(whole);

    // The 21 fragments, and nginx's default.conf, which the hook's pattern matches too.
    const fragments = Object.keys(files).filter((path) => path.endsWith('.conf') && !path.endsWith('keepalived.conf'));
    expect(fragments).toHaveLength(22);
    for (const fragment of fragments) {
      const inFragment = whole.filter((f) => f.startsWith(`${fragment}:`));
      expect(findings(run(preCommit, ['run', '--verbose', '--files', fragment])), fragment).toEqual(inFragment);
    }

    // A real commit of one changed fragment: the hook sees it staged, alone.
    run(preCommit, ['install']);
    const staged = 'hosts/shared/keepalived/vi_shared.conf';
    appendFileSync(join(work, staged), '# reviewed\n');
    git('add', staged);
    const commit = git('commit', '-m', 'touch the shared fragment');
    expect(commit.status).toBe(1);
    expect(findings(commit.stdout + commit.stderr)).toEqual(whole.filter((f) => f.startsWith(`${staged}:`)));
  }, 600_000);
});
