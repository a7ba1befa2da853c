// Hostile globs through the CLI: each one ends in bounded time with one clear diagnostic, walks
// nothing outside the lint root and echoes no directory listing. The time limits are hang
// guards, not speed targets (`npm run fuzz` prints how long each of these inputs takes).
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCli, CLEAN_CONFIG, removeTree, runCli, tempTree, type JsonOutput } from '../cli/harness.js';

const cli = buildCli();
const roots: string[] = [];
afterAll(() => roots.forEach(removeTree));
const HANG_GUARD_MS = 25_000;

function tree(files: Record<string, string>): string {
  const root = tempTree(files);
  roots.push(root);
  return root;
}

interface Linted {
  /** `rule@line:column` of every diagnostic, by file. */
  hits: Record<string, string[]>;
  messages: string[];
  stdout: string;
  ms: number;
}

function lint(root: string, args: string[] = []): Linted {
  const started = Date.now();
  const run = runCli(cli, ['-f', 'json', ...args, 'keepalived.conf'], { cwd: root });
  const ms = Date.now() - started;
  expect(run.status, `exit ${run.status} after ${ms} ms: ${run.stderr}`).toBeOneOf([0, 1]);
  expect(run.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  const output = JSON.parse(run.stdout) as JsonOutput;
  return {
    hits: Object.fromEntries(output.files.map((f) => [f.path, f.diagnostics.map((d) => `${d.rule}@${d.line}:${d.column}`)])),
    messages: output.files.flatMap((f) => f.diagnostics.map((d) => d.message)),
    stdout: run.stdout,
    ms,
  };
}

describe('hostile include globs', () => {
  it('refuses a deep wildcard walk from / without listing anything', () => {
    const root = tree({ 'keepalived.conf': `${CLEAN_CONFIG}include /*/*/*/*/*/*/*/*/*/*/*/*/nomatch\n` });
    const line = CLEAN_CONFIG.split('\n').length;
    const linted = lint(root);
    expect(linted.ms).toBeLessThan(HANG_GUARD_MS);
    expect(linted.hits['keepalived.conf']).toEqual([`include-outside-root@${line}:9`]);
    expect(linted.messages[0]).toContain("reaches '/', outside the lint root");
  });

  it('stops the same walk at 10,000 directories when outside-root includes are allowed', () => {
    const root = tree({ 'keepalived.conf': 'include /*/*/*/*/*/*/*/*/*/*/*/*/nomatch\n' });
    const linted = lint(root, ['--include-outside-root']);
    expect(linted.ms).toBeLessThan(HANG_GUARD_MS);
    expect(linted.hits['keepalived.conf']).toEqual(['include-not-found@1:9']);
  });

  it('does not list /etc in its messages', () => {
    const root = tree({ 'keepalived.conf': 'include /etc/*\n' });
    const linted = lint(root);
    expect(linted.hits['keepalived.conf']).toEqual(['include-outside-root@1:9']);
    const listed = readdirSync('/etc').filter((name) => linted.stdout.includes(`/etc/${name}`));
    expect(listed).toEqual([]);
  });

  it('says why a reversed range matches nothing', () => {
    const root = tree({ 'keepalived.conf': 'include conf.d/[z-a].conf\n', 'conf.d/a.conf': '', 'conf.d/z.conf': '' });
    const linted = lint(root);
    expect(linted.hits['keepalived.conf']).toEqual(['include-not-found@1:9']);
    expect(linted.messages[0]).toContain("no file matches 'conf.d/[z-a].conf': the range 'z-a' is reversed");
  });

  it('matches a star-heavy pattern against long names in bounded time', () => {
    const root = tree({ 'keepalived.conf': `include ${'*a'.repeat(40)}*b\n` });
    for (let i = 0; i < 50; i++) writeFileSync(join(root, `${'a'.repeat(200)}${i}`), '');
    const linted = lint(root);
    expect(linted.ms).toBeLessThan(HANG_GUARD_MS);
    expect(linted.hits['keepalived.conf']).toEqual(['include-not-found@1:9']);
  });

  it('refuses brace bombs and overlong patterns without expanding them', () => {
    const root = tree({ 'keepalived.conf': `include ${'{a,b}'.repeat(40)}\ninclude ${'x'.repeat(5000)}\n` });
    const linted = lint(root);
    expect(linted.ms).toBeLessThan(HANG_GUARD_MS);
    // keepalived reads lines of at most 1023 bytes: the long line is a syntax error as well.
    expect(linted.hits['keepalived.conf']).toEqual(['include-not-found@1:9', 'syntax-error@2:1', 'include-not-found@2:9']);
    expect(linted.messages[0]).toContain('its braces stand for more than 1000 patterns');
    expect(linted.messages[2]).toContain('it is longer than 4096 characters');
    expect(linted.stdout).not.toContain('x'.repeat(100));
  });
});

describe('hostile configs: globs in keepalived-lint.yaml', () => {
  const yaml = (glob: string) => `version: 1\nhosts:\n  lb1:\n    configs: ['${glob}']\n`;

  it('reports an invalid range at its position instead of crashing', () => {
    const root = tree({ 'keepalived.conf': CLEAN_CONFIG, 'keepalived-lint.yaml': yaml('lb[z-a]/keepalived.conf') });
    const linted = lint(root);
    expect(linted.hits['keepalived-lint.yaml']).toEqual(['invalid-workspace-file@4:19']);
    expect(linted.messages).toContain("config glob 'lb[z-a]/keepalived.conf' is invalid: the range 'z-a' is reversed, so it matches nothing");
  });

  it('reports an unterminated bracket', () => {
    const root = tree({ 'keepalived.conf': CLEAN_CONFIG, 'keepalived-lint.yaml': yaml('[lb/keepalived.conf') });
    expect(lint(root).hits['keepalived-lint.yaml']).toEqual(['invalid-workspace-file@4:16']);
  });

  it('matches a backtracking-prone glob in bounded time', () => {
    const dir = 'a'.repeat(200);
    const root = tree({ [`${dir}/keepalived.conf`]: CLEAN_CONFIG, 'keepalived-lint.yaml': yaml(`${'**a'.repeat(30)}**b/keepalived.conf`) });
    const started = Date.now();
    const run = runCli(cli, ['-f', 'json', `${dir}/keepalived.conf`], { cwd: root });
    expect(Date.now() - started).toBeLessThan(HANG_GUARD_MS);
    expect(run.status, run.stderr).toBe(0);
  });
});
