// The keepalived-lint command: exit codes, file discovery, stdin, workspace files, includes.
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, CLEAN_CONFIG, removeTree, rulesByFile, runCli, tempTree, type JsonOutput } from './harness.js';

let cli: string;
const roots: string[] = [];
const tree = (files: Record<string, string>) => {
  const root = tempTree(files);
  roots.push(root);
  return root;
};
const json = (stdout: string) => JSON.parse(stdout) as JsonOutput;

const UNKNOWN_KEYWORD = CLEAN_CONFIG.replace('    priority 100\n', '    priority 100\n    bogus_keyword 1\n');
const LONG_PASSWORD = CLEAN_CONFIG.replace('    advert_int 1\n', '    advert_int 1\n    authentication {\n        auth_type PASS\n        auth_pass abcdefghijkl\n    }\n');
const DPVS_CONFIG = `${CLEAN_CONFIG}local_address_group laddr_g1 {
    10.0.0.20 eth0
}
virtual_server 10.0.0.10 80 {
    lb_algo rr
    lvs_method FNAT
    protocol TCP
    laddr_group_name laddr_g1
    real_server 10.0.1.1 80 {
        weight 1
    }
}
`;

beforeAll(() => {
  cli = buildCli();
});
afterAll(() => roots.forEach(removeTree));

describe('exit codes', () => {
  it('exits 0 without output for a clean config', () => {
    const root = tree({ 'keepalived.conf': CLEAN_CONFIG });
    const run = runCli(cli, [], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
  });

  it('exits 1 on an error', () => {
    const root = tree({ 'keepalived.conf': UNKNOWN_KEYWORD });
    expect(runCli(cli, ['keepalived.conf'], { cwd: root }).status).toBe(1);
  });

  it('fails on warnings only with --fail-on warning or --max-warnings', () => {
    const root = tree({ 'keepalived.conf': LONG_PASSWORD });
    expect(runCli(cli, [], { cwd: root }).status).toBe(0);
    expect(runCli(cli, ['--fail-on', 'warning'], { cwd: root }).status).toBe(1);
    expect(runCli(cli, ['--max-warnings', '0'], { cwd: root }).status).toBe(1);
    expect(runCli(cli, ['--max-warnings=1'], { cwd: root }).status).toBe(0);
  });

  it('says why it fails when there are more warnings than --max-warnings', () => {
    const root = tree({ 'keepalived.conf': LONG_PASSWORD });
    const run = runCli(cli, ['--max-warnings', '0'], { cwd: root });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('keepalived-lint: 1 warning, more than --max-warnings 0 allows\n');
    expect(runCli(cli, ['--max-warnings', '1'], { cwd: root }).stderr).toBe('');
  });

  it('takes hint as a --fail-on level, as --rule does', () => {
    const root = tree({ 'keepalived.conf': LONG_PASSWORD });
    expect(runCli(cli, ['--rule', 'auth-pass-too-long=hint', '--fail-on', 'info'], { cwd: root }).status).toBe(0);
    expect(runCli(cli, ['--rule', 'auth-pass-too-long=hint', '--fail-on', 'hint'], { cwd: root }).status).toBe(1);
    const help = runCli(cli, ['--help'], { cwd: root }).stdout;
    expect(help).toMatch(/--rule ID=SEVERITY +set a rule to error, warning, info, hint or off/);
    expect(help).toMatch(/--fail-on LEVEL +lowest severity that fails the run: error \(default\), warning, info or hint/);
  });

  it('--quiet reports errors only', () => {
    const root = tree({ 'keepalived.conf': LONG_PASSWORD });
    const run = runCli(cli, ['--quiet', '--fail-on', 'warning', '-f', 'json'], { cwd: root });
    expect(run.status).toBe(0);
    expect(rulesByFile(json(run.stdout))).toEqual({ 'keepalived.conf': [] });
  });

  it('exits 2 on an unknown option, a bad value, or a missing file', () => {
    const root = tree({ 'keepalived.conf': CLEAN_CONFIG });
    const unknown = runCli(cli, ['--frobnicate'], { cwd: root });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--frobnicate'");
    expect(runCli(cli, ['--format', 'xml'], { cwd: root }).status).toBe(2);
    expect(runCli(cli, ['--rule', 'no-such-rule=off'], { cwd: root }).status).toBe(2);
    expect(runCli(cli, ['--format'], { cwd: root }).status).toBe(2);
    const missing = runCli(cli, ['nope.conf'], { cwd: root });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.conf');
    expect(missing.stdout).toBe('');
  });

  it('exits 2 when a named input is a device', () => {
    const root = tree({});
    const run = runCli(cli, ['/dev/zero'], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('not a regular file');
  });

  it('prints help with the exit codes, and the version', () => {
    const root = tree({});
    const help = runCli(cli, ['--help'], { cwd: root });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: keepalived-lint');
    expect(help.stdout).toMatch(/Exit codes:[\s\S]*0 [\s\S]*1 [\s\S]*2 /);
    const version = runCli(cli, ['--version'], { cwd: root });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('file discovery', () => {
  it('finds keepalived configs in directories and skips node_modules and .git', () => {
    const root = tree({
      'etc/keepalived/keepalived.conf': UNKNOWN_KEYWORD,
      'etc/keepalived/conf.d/extra.conf': UNKNOWN_KEYWORD,
      'lb/site.keepalived.conf': UNKNOWN_KEYWORD,
      'other/nginx.conf': 'this is not keepalived {',
      'etc/nginx/conf.d/site.conf': 'server { listen 80; }',
      'lb2/keepalived.conf': CLEAN_CONFIG,
      'lb2/conf.d/vs.conf': UNKNOWN_KEYWORD,
      'node_modules/pkg/keepalived.conf': 'garbage {',
      '.git/keepalived.conf': 'garbage {',
    });
    const run = runCli(cli, ['-f', 'json'], { cwd: root });
    expect(run.status).toBe(1);
    expect(json(run.stdout).files.map((f) => f.path)).toEqual(['etc/keepalived/conf.d/extra.conf', 'etc/keepalived/keepalived.conf', 'lb/site.keepalived.conf', 'lb2/conf.d/vs.conf', 'lb2/keepalived.conf']);
  });

  it('expands glob arguments, including **', () => {
    const root = tree({ 'a/x/one.conf': CLEAN_CONFIG, 'a/y/two.conf': CLEAN_CONFIG, 'a/three.txt': CLEAN_CONFIG });
    const run = runCli(cli, ['-f', 'json', 'a/**/*.conf'], { cwd: root });
    expect(run.status).toBe(0);
    expect(json(run.stdout).files.map((f) => f.path)).toEqual(['a/x/one.conf', 'a/y/two.conf']);
    expect(runCli(cli, ['a/**/*.nothing'], { cwd: root }).status).toBe(2);
  });

  it('survives a symbolic link loop in a searched directory', () => {
    const root = tree({ 'keepalived/keepalived.conf': CLEAN_CONFIG });
    symlinkSync('..', join(root, 'keepalived', 'loop'));
    const run = runCli(cli, ['-f', 'json'], { cwd: root });
    expect(run.status).toBe(0);
    expect(json(run.stdout).files.map((f) => f.path)).toEqual(['keepalived/keepalived.conf']);
  });
});

describe('output is deterministic', () => {
  it('gives identical output across runs, sorted by path and position', () => {
    const root = tree({ 'b/keepalived.conf': UNKNOWN_KEYWORD, 'a/keepalived.conf': `${LONG_PASSWORD}${UNKNOWN_KEYWORD.replace('VI_1', 'VI_2').replace('51', '52')}` });
    const first = runCli(cli, ['-f', 'json'], { cwd: root });
    const second = runCli(cli, ['-f', 'json'], { cwd: root });
    expect(first.stdout).toBe(second.stdout);
    const files = json(first.stdout).files;
    expect(files.map((f) => f.path)).toEqual(['a/keepalived.conf', 'b/keepalived.conf']);
    const lines = files[0].diagnostics.map((d) => d.line);
    expect(lines).toEqual([...lines].sort((x, y) => x - y));
  });
});

describe('--stdin', () => {
  it('lints stdin under --stdin-filename, reading includes relative to it', () => {
    const root = tree({ 'etc/extra.conf': 'bogus_top_level 1\n' });
    const run = runCli(cli, ['--stdin', '--stdin-filename', 'etc/keepalived.conf', '-f', 'json'], { cwd: root, input: `${CLEAN_CONFIG}include extra.conf\n` });
    expect(run.status).toBe(1);
    expect(rulesByFile(json(run.stdout))).toEqual({ 'etc/extra.conf': ['unknown-keyword'], 'etc/keepalived.conf': [] });
  });

  it('defaults the file name to keepalived.conf', () => {
    const root = tree({});
    const run = runCli(cli, ['--stdin', '-f', 'gnu'], { cwd: root, input: UNKNOWN_KEYWORD });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^keepalived\.conf:10:5: error: .* \[unknown-keyword\]\n$/);
  });

  it('reads stdin for the file name -', () => {
    const root = tree({});
    const run = runCli(cli, ['-f', 'gnu', '-'], { cwd: root, input: UNKNOWN_KEYWORD });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^keepalived\.conf:10:5: error: .* \[unknown-keyword\]\n$/);
    expect(runCli(cli, ['-', 'keepalived.conf'], { cwd: root, input: CLEAN_CONFIG }).status).toBe(2);
  });

  it('refuses --fix and file arguments together with --stdin', () => {
    const root = tree({});
    expect(runCli(cli, ['--stdin', '--fix'], { cwd: root, input: CLEAN_CONFIG }).status).toBe(2);
    expect(runCli(cli, ['--stdin', 'keepalived.conf'], { cwd: root, input: CLEAN_CONFIG }).status).toBe(2);
  });
});

describe('workspace file', () => {
  it('applies dialect and rules from keepalived-lint.yaml in a parent directory', () => {
    const root = tree({
      'keepalived-lint.yaml': 'version: 1\ndialect: dpvs\nrules:\n  deprecated-keyword: off\n',
      'site/lb1/keepalived.conf': DPVS_CONFIG,
    });
    const withFile = runCli(cli, ['-f', 'json', 'site'], { cwd: root });
    expect(withFile.status).toBe(0);
    expect(rulesByFile(json(withFile.stdout))).toEqual({ 'site/lb1/keepalived.conf': [] });

    const without = runCli(cli, ['-f', 'json', '--no-config', 'site'], { cwd: root });
    expect(without.status).toBe(1);
    expect(rulesByFile(json(without.stdout))['site/lb1/keepalived.conf']).toEqual(expect.arrayContaining(['dialect-keyword', 'deprecated-keyword']));
  });

  it('lets command-line options override the workspace file', () => {
    const root = tree({ 'keepalived-lint.yaml': 'dialect: dpvs\nrules:\n  deprecated-keyword: off\n', 'lb/keepalived.conf': DPVS_CONFIG });
    const run = runCli(cli, ['-f', 'json', '--dialect', 'keepalived', '--rule', 'deprecated-keyword=error', '--rule', 'dialect-keyword=off'], { cwd: root });
    expect(rulesByFile(json(run.stdout))).toEqual({ 'lb/keepalived.conf': ['deprecated-keyword'] });
    expect(run.status).toBe(1);
  });

  it('uses --config instead of searching', () => {
    const root = tree({ 'settings/ws.yaml': 'dialect: dpvs\nrules: {deprecated-keyword: off}\n', 'lb/keepalived.conf': DPVS_CONFIG });
    expect(runCli(cli, [], { cwd: root }).status).toBe(1);
    expect(runCli(cli, ['--config', 'settings/ws.yaml'], { cwd: root }).status).toBe(0);
    expect(runCli(cli, ['--config', 'settings/missing.yaml'], { cwd: root }).status).toBe(2);
  });

  it('reports problems in the workspace file at their position', () => {
    const root = tree({ 'keepalived-lint.yaml': 'version: 1\ndialect: bsd\n', 'lb/keepalived.conf': CLEAN_CONFIG });
    const run = runCli(cli, ['-f', 'json'], { cwd: root });
    expect(run.status).toBe(1);
    const file = json(run.stdout).files.find((f) => f.path === 'keepalived-lint.yaml');
    expect(file?.diagnostics).toEqual([expect.objectContaining({ rule: 'invalid-workspace-file', severity: 'error', line: 2, column: 10 })]);
  });

  it('exits 2 for a workspace file that is not YAML', () => {
    const root = tree({ 'keepalived-lint.yaml': 'rules: [unclosed\n  - {\n', 'keepalived.conf': CLEAN_CONFIG });
    const run = runCli(cli, [], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('keepalived-lint.yaml');
  });
});

describe('includes', () => {
  it('reports diagnostics of included files under their own path, once', () => {
    const root = tree({
      'a/keepalived.conf': `${CLEAN_CONFIG}include ../shared/*.conf\n`,
      'b/keepalived.conf': `${CLEAN_CONFIG.replace('lb1', 'lb2')}include ../shared/{common,absent}.conf\n`,
      'shared/common.conf': 'bogus_shared 1\n',
    });
    const run = runCli(cli, ['-f', 'json', 'a', 'b'], { cwd: root });
    expect(run.status).toBe(1);
    const rules = rulesByFile(json(run.stdout));
    expect(rules['shared/common.conf']).toEqual(['unknown-keyword']);
    expect(rules['a/keepalived.conf']).toEqual([]);
  });

  it('lints a discovered fragment only as part of the file that includes it', () => {
    const root = tree({
      'keepalived/keepalived.conf': `${CLEAN_CONFIG}virtual_server 10.0.0.10 80 {\n    lvs_sched rr\n    lvs_method NAT\n    protocol TCP\n    include conf.d/rs.conf\n}\n`,
      'keepalived/conf.d/rs.conf': 'real_server 10.0.1.1 80 {\n    weight 1\n}\n',
    });
    const run = runCli(cli, ['-f', 'json'], { cwd: root });
    expect(rulesByFile(json(run.stdout))).toEqual({ 'keepalived/conf.d/rs.conf': [], 'keepalived/keepalived.conf': [] });
    expect(run.status).toBe(0);
  });

  it('reports an included directory instead of reading it', () => {
    const root = tree({ 'keepalived.conf': `${CLEAN_CONFIG}include sub\n`, 'sub/file.txt': 'x' });
    const run = runCli(cli, ['-f', 'json', 'keepalived.conf'], { cwd: root });
    const diagnostics = json(run.stdout).files[0].diagnostics;
    expect(diagnostics).toEqual([expect.objectContaining({ rule: 'include-not-found', line: 15 })]);
    expect(diagnostics[0].message).toContain('directory');
  });

  it('reports an included FIFO without blocking on it', () => {
    const root = tree({ 'keepalived.conf': `${CLEAN_CONFIG}include pipe.conf\n` });
    try {
      execFileSync('mkfifo', [join(root, 'pipe.conf')]);
    } catch {
      return; // no mkfifo here
    }
    const run = runCli(cli, ['-f', 'json', 'keepalived.conf'], { cwd: root });
    expect(run.status).not.toBeNull();
    const diagnostics = json(run.stdout).files[0].diagnostics;
    expect(diagnostics).toEqual([expect.objectContaining({ rule: 'include-not-found' })]);
    expect(diagnostics[0].message).toContain('FIFO');
  });

  it('reports an included device without reading it (when includes outside the root are allowed)', () => {
    const root = tree({ 'keepalived.conf': `${CLEAN_CONFIG}include /dev/zero\n` });
    expect(json(runCli(cli, ['-f', 'json'], { cwd: root }).stdout).files[0].diagnostics[0].rule).toBe('include-outside-root');
    const run = runCli(cli, ['-f', 'json', '--include-outside-root'], { cwd: root });
    expect(json(run.stdout).files[0].diagnostics[0].message).toContain('device');
  });

  it('reports an include of a symbolic link loop', () => {
    const root = tree({ 'keepalived.conf': `${CLEAN_CONFIG}include loop.conf\n` });
    symlinkSync('loop.conf', join(root, 'loop.conf'));
    const run = runCli(cli, ['-f', 'json', 'keepalived.conf'], { cwd: root });
    expect(run.status).not.toBeNull();
    expect(json(run.stdout).files[0].diagnostics).toEqual([expect.objectContaining({ rule: 'include-not-found' })]);
  });
});
