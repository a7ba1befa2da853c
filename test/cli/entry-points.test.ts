// One file of a workspace gets the same diagnostics whichever way the CLI checks it: named
// alone, on stdin with --stdin-filename, or in the whole-workspace run (issue 12). The
// workspace model lints it through its includers and compares it with the other configs of its
// keepalived-lint.yaml in all three, so the pair rules (pair-auth-differs) and the rules that
// look at the whole workspace (virtual-server-address-not-vip) answer alike.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { twoHostFiles } from '../helpers/two-hosts.js';
import { buildCli, ROOT, runCli, treesRemovedAfterAll, type JsonOutput } from './harness.js';

const tree = treesRemovedAfterAll();
const cli = buildCli();

/** Every diagnostic of `file` in a JSON report, all fields, sorted. */
function diagnosticsOf(stdout: string, file: string): string[] {
  const output = JSON.parse(stdout) as JsonOutput;
  const entry = output.files.find((f) => f.path === file);
  return (entry?.diagnostics ?? []).map((d) => JSON.stringify([d.line, d.column, d.endLine, d.endColumn, d.rule, d.severity, d.message])).sort();
}

/** The diagnostics of `file` from the three entry points, in the workspace at `root`. */
function threeWays(root: string, file: string) {
  const named = runCli(cli, ['-f', 'json', file], { cwd: root });
  const stdin = runCli(cli, ['-f', 'json', '--stdin', '--stdin-filename', file], { cwd: root, input: readFileSync(join(root, file), 'utf8') });
  const workspace = runCli(cli, ['-f', 'json'], { cwd: root });
  for (const run of [named, stdin, workspace]) expect(run.stderr).toBe('');
  return { named: diagnosticsOf(named.stdout, file), stdin: diagnosticsOf(stdin.stdout, file), workspace: diagnosticsOf(workspace.stdout, file) };
}

const rulesIn = (diagnostics: string[]) => diagnostics.map((d) => (JSON.parse(d) as unknown[])[4]);

describe('one file, three entry points', () => {
  it('agree on the incident example, for every rule', () => {
    const root = tree({});
    cpSync(join(ROOT, 'examples', 'incident'), root, { recursive: true });
    const runs = threeWays(root, 'lvs-a/keepalived.conf');
    expect(runs.named.length).toBeGreaterThan(3);
    expect(runs.stdin).toEqual(runs.named);
    expect(runs.workspace).toEqual(runs.named);
  });

  it('a changed auth_pass gives pair-auth-differs however the fragment or its includer is checked', () => {
    const root = tree(twoHostFiles('changed1'));
    for (const file of ['lb1/conf.d/vrrp.conf', 'lb1/keepalived.conf']) {
      const runs = threeWays(root, file);
      expect(runs.stdin).toEqual(runs.named);
      expect(runs.workspace).toEqual(runs.named);
    }
    expect(rulesIn(threeWays(root, 'lb1/conf.d/vrrp.conf').named)).toEqual(['pair-auth-differs']);
  });

  it('a virtual_server on the VIP of the partner is no virtual-server-address-not-vip, checked any way', () => {
    const root = tree(twoHostFiles());
    const runs = threeWays(root, 'lb1/keepalived.conf');
    expect(runs).toEqual({ named: [], stdin: [], workspace: [] });
    // Without the partner's config the same file is reported: the agreement above is not vacuous.
    const alone = tree({ 'keepalived-lint.yaml': twoHostFiles()['keepalived-lint.yaml'], 'lb1/keepalived.conf': twoHostFiles()['lb1/keepalived.conf'], 'lb1/conf.d/vrrp.conf': twoHostFiles()['lb1/conf.d/vrrp.conf'] });
    expect(rulesIn(threeWays(alone, 'lb1/keepalived.conf').named)).toEqual(['virtual-server-address-not-vip']);
  });
});
