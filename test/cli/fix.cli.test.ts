// --fix and --fix-dry-run through the bundled CLI.
import { chmodSync, readFileSync, statSync } from 'node:fs';
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
const read = (root: string, path: string) => readFileSync(join(root, path), 'latin1');

/** Fixable: a long auth_pass and two deprecated lb_kind; CRLF, tabs and trailing blanks around them. */
const FIXABLE = [
  'global_defs {\r\n',
  '\trouter_id lb1   \r\n',
  '}\r\n',
  'vrrp_instance VI_1 {\n',
  '\tstate BACKUP\t\n',
  '\tinterface eth0\n',
  '\tvirtual_router_id 51\n',
  '\tpriority 100\n',
  '\tauthentication {\r\n',
  '\t\tauth_type PASS\r\n',
  '\t\tauth_pass abcdefghijkl  \r\n',
  '\t}\n',
  '\tvirtual_ipaddress {\n',
  '\t\t10.0.0.10/24\n',
  '\t}\n',
  '}\n',
  'virtual_server 10.0.0.10 80 {\r\n',
  '\tlb_kind DR \t\r\n',
  '\tlvs_sched rr\r\n',
  '\tprotocol TCP\r\n',
  '\treal_server 10.0.1.1 80 {\r\n',
  '\t\tweight 1\r\n',
  '\t}\r\n',
  '}',
].join('');
/** The rest of a complete service, so only the fixes under test remain to report. */
const SERVICE = '    lvs_sched rr\n    protocol TCP\n    real_server 10.0.1.1 80 {\n    }\n';
const FIXED = FIXABLE.replace('auth_pass abcdefghijkl', 'auth_pass abcdefgh').replace('lb_kind DR', 'lvs_method DR');

beforeAll(() => {
  cli = buildCli();
});
afterAll(() => roots.forEach(removeTree));

describe('--fix', () => {
  it('rewrites only the fixed bytes, keeps the mode, and is idempotent', () => {
    const root = tree({ 'keepalived.conf': FIXABLE });
    chmodSync(join(root, 'keepalived.conf'), 0o640);
    const run = runCli(cli, ['--fix', '-f', 'json'], { cwd: root });
    expect(run.status).toBe(0);
    expect(rulesByFile(JSON.parse(run.stdout) as JsonOutput)).toEqual({ 'keepalived.conf': [] });
    expect(read(root, 'keepalived.conf')).toBe(FIXED);
    expect(statSync(join(root, 'keepalived.conf')).mode & 0o777).toBe(0o640);

    const mtime = statSync(join(root, 'keepalived.conf')).mtimeMs;
    const again = runCli(cli, ['--fix'], { cwd: root });
    expect(again.status).toBe(0);
    expect(again.stdout).toBe('');
    expect(read(root, 'keepalived.conf')).toBe(FIXED);
    expect(statSync(join(root, 'keepalived.conf')).mtimeMs).toBe(mtime);
  });

  it('fixes included files and reports what remains', () => {
    const root = tree({
      'keepalived/keepalived.conf': `${CLEAN_CONFIG}include conf.d/*.conf\n`,
      'keepalived/conf.d/vs.conf': `virtual_server 10.0.0.10 80 {\n    lb_kind DR\n    bogus 1\n${SERVICE}}\n`,
    });
    const run = runCli(cli, ['--fix', '-f', 'json'], { cwd: root });
    expect(run.status).toBe(1);
    expect(rulesByFile(JSON.parse(run.stdout) as JsonOutput)).toEqual({ 'keepalived/conf.d/vs.conf': ['unknown-keyword'], 'keepalived/keepalived.conf': [] });
    expect(read(root, 'keepalived/conf.d/vs.conf')).toBe(`virtual_server 10.0.0.10 80 {\n    lvs_method DR\n    bogus 1\n${SERVICE}}\n`);
    expect(read(root, 'keepalived/keepalived.conf')).toBe(`${CLEAN_CONFIG}include conf.d/*.conf\n`);
  });

  it('never writes a file with unbalanced braces', () => {
    const broken = 'virtual_server 10.0.0.10 80 {\n    lb_kind DR\n';
    const root = tree({ 'keepalived.conf': broken });
    const run = runCli(cli, ['--fix', '-f', 'json'], { cwd: root });
    expect(run.status).toBe(1);
    expect(read(root, 'keepalived.conf')).toBe(broken);
    expect(run.stderr).toContain('skipped keepalived.conf: it has a syntax error at line 1 (');
    expect(rulesByFile(JSON.parse(run.stdout) as JsonOutput)['keepalived.conf']).toContain('syntax-error');
  });

  it('does not fix a file whose included file has unbalanced braces', () => {
    const root = tree({ 'keepalived.conf': `${CLEAN_CONFIG}virtual_server 10.0.0.10 80 {\n    lb_kind DR\n}\ninclude broken.conf\n`, 'broken.conf': 'global_defs {\n' });
    const before = read(root, 'keepalived.conf');
    const run = runCli(cli, ['--fix', 'keepalived.conf'], { cwd: root });
    expect(read(root, 'keepalived.conf')).toBe(before);
    expect(run.stderr).toContain('skipped keepalived.conf: broken.conf has a syntax error at line 1 (');
  });

  it('fixes a file included by several linted files once', () => {
    const root = tree({
      'a/keepalived.conf': `${CLEAN_CONFIG}include ../shared/vs.conf\n`,
      'b/keepalived.conf': `${CLEAN_CONFIG.replace('lb1', 'lb2')}include ../shared/vs.conf\n`,
      'shared/vs.conf': `virtual_server 10.0.0.10 80 {\n    lb_kind DR\n${SERVICE}}\n`,
    });
    const run = runCli(cli, ['--fix', 'a', 'b'], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(read(root, 'shared/vs.conf')).toBe(`virtual_server 10.0.0.10 80 {\n    lvs_method DR\n${SERVICE}}\n`);
  });

  it('fixes each include tree on its own and lists the skipped ones with the reason (issue 9, item 2)', () => {
    const root = tree({
      'fine.conf': 'virtual_server 10.0.0.1 80 {\n    lb_algo rr\n    protocol TCP\n    real_server 10.0.1.1 80 {\n    }\n}\n',
      // Fixing the typo makes virtual_ipaddress a block keyword without '{': a syntax error.
      'breaks.conf': 'vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddres 10.0.0.1\n}\n',
      'broken.conf': 'virtual_server 10.0.0.2 80 {\n    lb_algo rr\n',
    });
    const before = { breaks: read(root, 'breaks.conf'), broken: read(root, 'broken.conf') };
    const run = runCli(cli, ['--fix', 'fine.conf', 'breaks.conf', 'broken.conf'], { cwd: root });
    expect(read(root, 'fine.conf')).toBe('virtual_server 10.0.0.1 80 {\n    lvs_sched rr\n    protocol TCP\n    real_server 10.0.1.1 80 {\n    }\n}\n');
    expect({ breaks: read(root, 'breaks.conf'), broken: read(root, 'broken.conf') }).toEqual(before);
    expect(run.stderr.split('\n')).toEqual([
      'keepalived-lint: fixed 1 file; 2 skipped:',
      expect.stringMatching(/^keepalived-lint: skipped breaks\.conf: its fixes would leave a syntax error in breaks\.conf at line \d+ \(/),
      expect.stringMatching(/^keepalived-lint: skipped broken\.conf: it has a syntax error at line 1 \(.*\); fix it first$/),
      '',
    ]);
    // What remains: the errors of the two skipped files.
    expect(run.status).toBe(1);
    expect(runCli(cli, ['--fix', 'fine.conf'], { cwd: root }).status).toBe(0);
  });

  it('fixes a $NAME definition where it is written, and says in json what to change by hand elsewhere (issue 9, item 1)', () => {
    const root = tree({
      'def.conf': '$ALG=lb_algo rr\nvirtual_server 10.0.0.1 80 {\n    $ALG\n    protocol TCP\n    real_server 10.0.1.1 80 {\n    }\n}\n',
      'glued.conf': '$A=lb_\nvirtual_server 10.0.0.1 80 {\n    ${A}algo rr\n    protocol TCP\n    real_server 10.0.1.1 80 {\n    }\n}\n',
    });
    const glued = read(root, 'glued.conf');
    const run = runCli(cli, ['--fix', '-f', 'json', 'def.conf', 'glued.conf'], { cwd: root });
    expect(run.status).toBe(0);
    expect(read(root, 'def.conf')).toBe('$ALG=lvs_sched rr\nvirtual_server 10.0.0.1 80 {\n    $ALG\n    protocol TCP\n    real_server 10.0.1.1 80 {\n    }\n}\n');
    expect(read(root, 'glued.conf')).toBe(glued);
    const d = (JSON.parse(run.stdout) as JsonOutput).files.find((f) => f.path === 'glued.conf')!.diagnostics.find((x) => x.rule === 'deprecated-keyword')!;
    expect(d.fix).toBeUndefined();
    expect(d.suggestions).toEqual([{ title: "Replace with 'lvs_sched' (by hand: the text comes from $A)", edits: [] }]);
  });

  it('never writes a file with an unterminated quote', () => {
    const broken = `${CLEAN_CONFIG}virtual_server 10.0.0.10 80 {\n    lb_kind DR\n    virtualhost "www\n}\n`;
    const root = tree({ 'keepalived.conf': broken });
    runCli(cli, ['--fix'], { cwd: root });
    expect(read(root, 'keepalived.conf')).toBe(broken);
  });

  it('leaves a file that is not valid UTF-8 alone', () => {
    const root = tempTree({ 'keepalived.conf': Buffer.concat([Buffer.from(`! caf\xe9\n`, 'latin1'), Buffer.from(FIXABLE)]) });
    roots.push(root);
    const before = readFileSync(join(root, 'keepalived.conf'));
    const run = runCli(cli, ['--fix'], { cwd: root });
    expect(readFileSync(join(root, 'keepalived.conf')).equals(before)).toBe(true);
    expect(run.stderr).toContain('not valid UTF-8');
  });
});

describe('--fix-dry-run', () => {
  it('writes nothing and shows the fixed text in json', () => {
    const root = tree({ 'keepalived.conf': FIXABLE });
    const mtime = statSync(join(root, 'keepalived.conf')).mtimeMs;
    const run = runCli(cli, ['--fix-dry-run', '-f', 'json'], { cwd: root });
    expect(run.status).toBe(0);
    expect(read(root, 'keepalived.conf')).toBe(FIXABLE);
    expect(statSync(join(root, 'keepalived.conf')).mtimeMs).toBe(mtime);
    const output = JSON.parse(run.stdout) as JsonOutput;
    expect(output.files).toEqual([{ path: 'keepalived.conf', diagnostics: [], output: FIXED }]);
  });

  it('omits output for files without changes', () => {
    const root = tree({ 'keepalived.conf': CLEAN_CONFIG });
    const output = JSON.parse(runCli(cli, ['--fix-dry-run', '-f', 'json'], { cwd: root }).stdout) as JsonOutput;
    expect(output.files).toEqual([{ path: 'keepalived.conf', diagnostics: [] }]);
  });

  it('prints the fixed stdin text', () => {
    const root = tree({});
    const run = runCli(cli, ['--stdin', '--stdin-filename', 'lb/keepalived.conf', '--fix-dry-run', '-f', 'json'], { cwd: root, input: FIXABLE });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ version: 1, files: [{ path: 'lb/keepalived.conf', diagnostics: [], output: FIXED }] });
  });

  it('rejects --fix together with --fix-dry-run', () => {
    const root = tree({ 'keepalived.conf': FIXABLE });
    expect(runCli(cli, ['--fix', '--fix-dry-run'], { cwd: root }).status).toBe(2);
    expect(read(root, 'keepalived.conf')).toBe(FIXABLE);
  });
});
