// The CLI's trust boundary, reproduced from the reported attacks: one root per run, decided by
// the invoker; a nested keepalived-lint.yaml cannot widen it; linted files and workspace files
// are guarded like includes; --fix writes nothing outside the root. And the root is what the
// user named: `keepalived-lint /x/keepalived` from anywhere reads that tree's absolute includes.
import { readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCli, runCli, type CliRun, type JsonOutput } from '../cli/harness.js';
import { SECRET, SECRET_CONFIG, Trees } from './fixtures.js';

const cli = buildCli();
const trees = new Trees();
afterAll(() => trees.removeAll());

/** A fake CI token in the environment of the linter: /proc/self/environ holds it. */
const TOKEN = 'ghp_FAKEs3cr3tT0ken0123456789';
const lint = (cwd: string, args: string[]): CliRun => runCli(cli, ['-f', 'json', ...args], { cwd, env: { KL_FAKE_CI_TOKEN: TOKEN } });

const hits = (run: CliRun): string[] => (JSON.parse(run.stdout) as JsonOutput).files.flatMap((f) => f.diagnostics.map((d) => `${f.path}:${d.line}:${d.rule}:${d.severity}`));

const leaks = (run: CliRun) => [TOKEN, SECRET].filter((s) => run.stdout.includes(s) || run.stderr.includes(s));

describe('a nested keepalived-lint.yaml cannot switch the guard off', () => {
  const nested = { 'keepalived/keepalived-lint.yaml': 'version: 1\ninclude_outside_root: true\n', 'keepalived/keepalived.conf': 'include /proc/self/environ\n' };

  it('does not print the environment through include /proc/self/environ, and reports the nested key', () => {
    for (const root of [trees.make({ 'keepalived-lint.yaml': 'version: 1\n', ...nested }), trees.make(nested)]) {
      const run = lint(root, []);
      expect(leaks(run)).toEqual([]);
      expect(hits(run)).toEqual(['keepalived/keepalived-lint.yaml:2:invalid-workspace-file:warning', 'keepalived/keepalived.conf:1:include-outside-root:warning']);
    }
  });

  it('still honours include_outside_root in the root file and on the command line', () => {
    const outside = trees.make({ 'shared.conf': 'global_defs {\n    router_id lb1\n}\n' });
    const files = { 'keepalived/keepalived.conf': `include ${join(outside, 'shared.conf')}\n` };
    expect(hits(lint(trees.make(files), []))).toEqual(['keepalived/keepalived.conf:1:include-outside-root:warning']);
    expect(hits(lint(trees.make(files), ['--include-outside-root']))).toEqual([]);
    expect(hits(lint(trees.make({ ...files, 'keepalived-lint.yaml': 'version: 1\ninclude_outside_root: true\n' }), []))).toEqual([]);
  });
});

describe('linted files are guarded', () => {
  it('does not read a keepalived.conf that links outside the root, found or named', () => {
    const root = trees.make();
    trees.link(trees.secret(), join(root, 'keepalived.conf'));
    for (const args of [[], ['keepalived.conf']]) {
      const run = lint(root, args);
      expect(leaks(run)).toEqual([]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('outside the lint root');
    }
  });

  it('--fix writes neither a linked linted file nor a linked include outside the root', () => {
    const secret = trees.secret();
    const linked = trees.make();
    trees.link(secret, join(linked, 'keepalived.conf'));
    expect(lint(linked, ['--fix']).status).toBe(2);
    const including = trees.make({ 'keepalived.conf': 'include snippets/*.conf\n', 'snippets/.keep': '' });
    trees.link(secret, join(including, 'snippets', 'web.conf'));
    const run = lint(including, ['--fix']);
    expect(leaks(run)).toEqual([]);
    expect(hits(run)).toEqual(['keepalived.conf:1:include-outside-root:warning']);
    expect(readFileSync(secret, 'utf8')).toBe(SECRET_CONFIG);
    expect(readlinkSync(join(including, 'snippets', 'web.conf'))).toBe(secret);
    // Allowed to read outside the root is not allowed to write there.
    const allowed = lint(trees.make({ 'keepalived.conf': `include ${secret}\n` }), ['--fix', '--include-outside-root']);
    expect(allowed.stderr).toContain('skipped fixes in');
    expect(readFileSync(secret, 'utf8')).toBe(SECRET_CONFIG);
  });

  it('--fix still fixes the same config inside the root', () => {
    const root = trees.make({ 'keepalived.conf': SECRET_CONFIG });
    lint(root, ['--fix']);
    expect(readFileSync(join(root, 'keepalived.conf'), 'utf8')).not.toContain('nb_get_retry');
  });
});

describe('workspace files are guarded', () => {
  it('does not parse (and quote) a keepalived-lint.yaml that links outside the root', () => {
    const root = trees.make({ 'keepalived.conf': 'global_defs {\n    router_id lb1\n}\n' });
    trees.link('/proc/self/environ', join(root, 'keepalived-lint.yaml'));
    const run = lint(root, []);
    expect(leaks(run)).toEqual([]);
    expect(run.stderr).toContain('outside the lint root');
    const nested = trees.make({ 'keepalived-lint.yaml': 'version: 1\n', 'keepalived/keepalived.conf': 'global_defs {\n    router_id lb1\n}\n' });
    trees.link(trees.secret(), join(nested, 'keepalived', 'keepalived-lint.yaml'));
    const nestedRun = lint(nested, []);
    expect(leaks(nestedRun)).toEqual([]);
    expect(nestedRun.stderr).toContain('outside the lint root');
  });
});

describe('the root is what the user named', () => {
  it('lints /x/keepalived with absolute includes the same from anywhere', () => {
    const x = trees.make({ 'keepalived/scripts.conf': 'vrrp_script chk_web {\n    script "/usr/bin/true"\n}\n' });
    const dir = join(x, 'keepalived');
    const main = `include ${join(dir, 'scripts.conf')}\nvrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        10.0.0.10/24\n    }\n    track_script {\n        chk_web\n        chk_missing\n    }\n}\n`;
    writeFileSync(join(dir, 'keepalived.conf'), main);
    const inside = runCli(cli, ['-f', 'json', 'keepalived.conf'], { cwd: dir });
    const elsewhere = runCli(cli, ['-f', 'json', dir], { cwd: trees.make() });
    const rules = (run: CliRun) => hits(run).map((h) => h.split(':').slice(1).join(':')).sort();
    expect(rules(elsewhere)).toEqual(rules(inside));
    expect(elsewhere.status).toBe(inside.status);
    expect(rules(inside)).toEqual(['12:undefined-reference:error', '2:script-security-disabled:warning']);
  });
});
