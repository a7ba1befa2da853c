import { describe, expect, it } from 'vitest';
import { applyFixTo } from '../helpers/lint-text.js';
import { lintMemoryWorkspace, workspaceHits, WS_ROOT, TWO_HOSTS, webInstance } from '../helpers/workspace.js';

const RULE = 'pair-real-servers-differ';

const YAML = TWO_HOSTS;

const realServer = (ip: string, weight = 1, timeout = 3) => `    real_server ${ip} 80 {
        weight ${weight}
        TCP_CHECK {
            connect_timeout ${timeout}
        }
    }
`;

const config = (state: string, priority: number, realServers: string[]) => `${webInstance(state, priority)}
virtual_server 192.168.10.100 80 {
    lvs_sched wlc
    lvs_method DR
    protocol TCP
${realServers.join('')}}
`;

const pair = (rs1: string[], rs2: string[]) => lintMemoryWorkspace(YAML, {
  'lb1/keepalived.conf': config('MASTER', 150, rs1),
  'lb2/keepalived.conf': config('BACKUP', 100, rs2),
});

const LB2 = `${WS_ROOT}/lb2/keepalived.conf`;

describe(RULE, () => {
  it("reports a real_server missing on the peer, at the peer's virtual_server", () => {
    const run = pair([realServer('192.168.10.21'), realServer('192.168.10.22')], [realServer('192.168.10.21')]);
    expect(workspaceHits(run, RULE)).toEqual([['lb2/keepalived.conf', 11, 'virtual_server']]);
    const d = run.diagnostics.find((x) => x.rule === RULE)!;
    expect(d.severity).toBe('error');
    expect(d.message).toContain('virtual_server 192.168.10.100:80/TCP on lb2 lacks real_server 192.168.10.22:80, which its VRRP peer lb1 has');
    const related = d.related![0];
    expect(related.path).toBe(`${WS_ROOT}/lb1/keepalived.conf`);
    expect(run.texts.get(related.path)!.slice(related.start, related.end)).toBe('real_server');
  });

  it("fixes by copying the real_server block from the peer into this node's virtual_server", () => {
    const run = pair([realServer('192.168.10.21'), realServer('192.168.10.22')], [realServer('192.168.10.21')]);
    const d = run.diagnostics.find((x) => x.rule === RULE)!;
    expect(d.fix?.title).toBe('Copy real_server 192.168.10.22:80 from lb1');
    expect(d.fix!.edits.every((e) => e.path === LB2)).toBe(true);
    expect(applyFixTo(run.texts.get(LB2)!, d.fix!, LB2)).toBe(config('BACKUP', 100, [realServer('192.168.10.21'), realServer('192.168.10.22')]));
  });

  it('reports a different weight on both nodes, naming the settings', () => {
    const run = pair([realServer('192.168.10.21', 1)], [realServer('192.168.10.21', 5)]);
    expect(workspaceHits(run, RULE)).toEqual([['lb1/keepalived.conf', 15, 'real_server'], ['lb2/keepalived.conf', 15, 'real_server']]);
    const d = run.diagnostics.find((x) => x.rule === RULE && x.path.endsWith('lb1/keepalived.conf'))!;
    expect(d.message).toContain('real_server 192.168.10.21:80 of virtual_server 192.168.10.100:80/TCP is set up differently on lb1 and lb2');
    expect(d.message).toContain('weight 1');
    expect(d.message).toContain('weight 5');
  });

  it('reports a different health-check setting', () => {
    const run = pair([realServer('192.168.10.21', 1, 3)], [realServer('192.168.10.21', 1, 10)]);
    expect(workspaceHits(run, RULE)).toHaveLength(2);
    expect(run.diagnostics.find((x) => x.rule === RULE)!.message).toContain('TCP_CHECK connect_timeout 10');
  });

  it('accepts the same real servers in another order', () => {
    expect(workspaceHits(pair([realServer('192.168.10.21'), realServer('192.168.10.22')], [realServer('192.168.10.22'), realServer('192.168.10.21')]), RULE)).toEqual([]);
  });
});
