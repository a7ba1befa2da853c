// The incident example end to end through the CLI: what it reports, and what --fix repairs.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCli, ROOT, runCli, type JsonOutput } from './harness.js';

const work = mkdtempSync(join(tmpdir(), 'kl-incident-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const rules = (output: JsonOutput) => output.files.flatMap((f) => f.diagnostics.map((d) => `${f.path}:${d.line} ${d.rule}`)).sort();

describe('the incident workspace', () => {
  const cli = buildCli();
  const copy = join(work, 'incident');
  cpSync(join(ROOT, 'examples', 'incident'), copy, { recursive: true });

  it('reports every root cause at its line', () => {
    const run = runCli(cli, ['-f', 'json', '.'], { cwd: copy });
    expect(run.status).toBe(1);
    expect(rules(JSON.parse(run.stdout)).filter((r) => !r.endsWith('deprecated-keyword'))).toEqual([
      'keepalived-lint.yaml:34 swapped-node-parameters',
      'lvs-a/keepalived.conf:10 nopreempt-with-master',
      'lvs-a/keepalived.conf:30 local-address-not-on-host',
      'lvs-a/keepalived.conf:33 fnat-replies-missing',
      'lvs-b/keepalived.conf:30 local-address-not-on-host',
      'lvs-b/keepalived.conf:33 vip-blocked-by-firewall',
    ]);
  });

  it('--fix swaps the parameters and corrects both local addresses', () => {
    expect(runCli(cli, ['--fix', '.'], { cwd: copy }).status).toBe(1);
    expect(readFileSync(join(copy, 'keepalived-lint.yaml'), 'utf8')).toContain('lvs_node1: { value: 10.186.87.105, node_label: ddm_lvs1 }');
    expect(readFileSync(join(copy, 'lvs-a', 'keepalived.conf'), 'utf8')).toContain('    10.186.87.105 bond0\n');
    expect(readFileSync(join(copy, 'lvs-b', 'keepalived.conf'), 'utf8')).toContain('    10.186.87.106 bond0\n');
    const after = rules(JSON.parse(runCli(cli, ['-f', 'json', '.'], { cwd: copy }).stdout));
    // What remains is live state the configs cannot change: the stale DROP and the old counters.
    expect(after).toEqual(['lvs-a/keepalived.conf:33 fnat-replies-missing', 'lvs-b/keepalived.conf:33 vip-blocked-by-firewall']);
  });

  it('lints the clean example clean', () => {
    const run = runCli(cli, ['.'], { cwd: join(ROOT, 'examples', 'clean') });
    expect([run.status, run.stdout]).toEqual([0, '']);
  });

  it('finds both halves of the split brain: the firewall that drops VRRP and the stale unicast peer', () => {
    const run = runCli(cli, ['-f', 'json', '.'], { cwd: join(ROOT, 'examples', 'split-brain') });
    expect(run.status).toBe(1);
    expect(rules(JSON.parse(run.stdout))).toEqual(['lb1/keepalived.conf:16 vrrp-blocked-by-firewall', 'lb1/keepalived.conf:24 pair-unicast-mismatch']);
  });
});
