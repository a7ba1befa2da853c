// Hostile includes through the CLI: each gets a clear diagnostic at the include line, in bounded
// time, and nothing outside the lint root is read unless allowed.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCli, CLEAN_CONFIG, removeTree, runCli, tempTree, type JsonOutput } from './harness.js';

const cli = buildCli();
const roots: string[] = [];
afterAll(() => roots.forEach(removeTree));

function tree(files: Record<string, string | Buffer>): string {
  const root = tempTree(files);
  roots.push(root);
  return root;
}

/** [rule, line] of the diagnostics of keepalived.conf, and how long the run took. */
function lintMain(root: string, args: string[] = []): { hits: string[]; ms: number; stdout: string } {
  const started = Date.now();
  const run = runCli(cli, ['-f', 'json', ...args, 'keepalived.conf'], { cwd: root });
  const ms = Date.now() - started;
  expect(run.status, run.stderr).not.toBe(2);
  const output = JSON.parse(run.stdout) as JsonOutput;
  const main = output.files.find((f) => f.path === 'keepalived.conf');
  return { hits: (main?.diagnostics ?? []).map((d) => `${d.rule}@${d.line}`), ms, stdout: run.stdout };
}

describe('hostile includes', () => {
  it('reports a file that includes itself, and a two-file cycle', () => {
    expect(lintMain(tree({ 'keepalived.conf': `${CLEAN_CONFIG}include keepalived.conf\n` })).hits).toContain(`include-cycle@${CLEAN_CONFIG.split('\n').length}`);
    const root = tree({ 'keepalived.conf': 'include a.conf\n', 'a.conf': 'include keepalived.conf\n' });
    const run = runCli(cli, ['-f', 'json', 'keepalived.conf'], { cwd: root });
    expect((JSON.parse(run.stdout) as JsonOutput).files.flatMap((f) => f.diagnostics.map((d) => `${f.path}:${d.rule}`))).toContain('a.conf:include-cycle');
  });

  it('stops a glob that matches 10,000 files', () => {
    const root = tree({ 'keepalived.conf': 'include many/*.conf\n' });
    mkdirSync(join(root, 'many'));
    for (let i = 0; i < 10_000; i++) writeFileSync(join(root, 'many', `f${i}.conf`), '');
    const { hits, ms } = lintMain(root);
    expect(hits).toEqual(['include-not-found@1']);
    expect(ms).toBeLessThan(20_000); // a hang guard, not a speed target
  });

  it('refuses a 50 MB file without reading it all', () => {
    const root = tree({ 'keepalived.conf': 'include big.conf\n' });
    writeFileSync(join(root, 'big.conf'), Buffer.alloc(50 * 1024 * 1024, 0x23));
    expect(lintMain(root).hits).toEqual(['include-not-found@1']);
  });

  it('reads a file that is not UTF-8 with replacement characters', () => {
    const root = tree({ 'keepalived.conf': 'include latin1.conf\n', 'latin1.conf': Buffer.from('global_defs {\n    router_id caf\xe9\n}\n', 'latin1') });
    expect(lintMain(root).hits).toEqual([]);
  });

  it('does not follow an include outside the lint root, unless allowed', () => {
    const outside = tree({ 'secret.conf': 'password hunter2\n' });
    const root = tree({ 'keepalived.conf': `include ${join(outside, 'secret.conf')}\n` });
    const refused = lintMain(root);
    expect(refused.hits).toEqual(['include-outside-root@1']);
    expect(refused.stdout).not.toContain('hunter2');
    expect(lintMain(root, ['--include-outside-root']).hits).toEqual([]);
    writeFileSync(join(root, 'keepalived-lint.yaml'), 'version: 1\ninclude_outside_root: true\n');
    expect(lintMain(root).hits).toEqual([]);
  });

  it('does not escape the root through a symbolic link', () => {
    const outside = tree({ 'secret.conf': 'password hunter2\n' });
    const root = tree({ 'keepalived.conf': 'include link.conf\n' });
    symlinkSync(join(outside, 'secret.conf'), join(root, 'link.conf'));
    expect(lintMain(root).hits).toEqual(['include-outside-root@1']);
  });
});
