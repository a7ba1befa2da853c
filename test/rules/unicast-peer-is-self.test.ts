import { describe, expect, it } from 'vitest';
import { applyFixTo } from '../helpers/lint-text.js';
import { lintMemoryWorkspace, workspaceHits, WS_ROOT } from '../helpers/workspace.js';

const RULE = 'unicast-peer-is-self';

const YAML = `version: 1
hosts:
  lb1:
    labels: [lb-primary]
    interfaces:
      eth0: [192.168.10.11/24]
    configs: [lb1/keepalived.conf]
  lb2:
    labels: [lb-secondary]
    interfaces:
      eth0: [192.168.10.12/24]
    configs: [lb2/keepalived.conf]
`;

const config = (...peers: string[]) => `vrrp_instance VI_WEB {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 150
    advert_int 1
    unicast_src_ip 192.168.10.11
    unicast_peer {
${peers.map((p) => `        ${p}\n`).join('')}    }
    virtual_ipaddress {
        192.168.10.100/24 dev eth0
    }
}
`;

const LB1 = `${WS_ROOT}/lb1/keepalived.conf`;

describe(RULE, () => {
  it('reports a peer that is the host itself, names the partner and the split-brain consequence', () => {
    const run = lintMemoryWorkspace(YAML, { 'lb1/keepalived.conf': config('192.168.10.11') });
    expect(workspaceHits(run, RULE)).toEqual([['lb1/keepalived.conf', 9, '192.168.10.11']]);
    const d = run.diagnostics.find((x) => x.rule === RULE)!;
    expect(d.severity).toBe('error');
    expect(d.message).toContain("lb1 (labels lb-primary)'s own address, and this file runs on lb1");
    expect(d.message).toContain('both nodes can become MASTER');
    expect(d.message).toContain('The partner is lb2 (192.168.10.12)');
  });

  it("fixes the peer to the partner's address", () => {
    const run = lintMemoryWorkspace(YAML, { 'lb1/keepalived.conf': config('192.168.10.11') });
    const d = run.diagnostics.find((x) => x.rule === RULE)!;
    expect(d.fix?.title).toBe("Use lb2's address 192.168.10.12");
    expect(applyFixTo(run.texts.get(LB1)!, d.fix!, LB1)).toBe(config('192.168.10.12'));
  });

  it('reports only the self entry among several peers', () => {
    const run = lintMemoryWorkspace(YAML, { 'lb1/keepalived.conf': config('192.168.10.12', '192.168.10.11') });
    expect(workspaceHits(run, RULE)).toEqual([['lb1/keepalived.conf', 10, '192.168.10.11']]);
  });

  it('names no partner and offers no fix when several hosts could be the partner', () => {
    const yaml = `${YAML}  lb3:
    interfaces:
      eth0: [192.168.10.13/24]
    configs: [lb3/keepalived.conf]
`;
    const run = lintMemoryWorkspace(yaml, { 'lb1/keepalived.conf': config('192.168.10.11') });
    expect(workspaceHits(run, RULE)).toEqual([['lb1/keepalived.conf', 9, '192.168.10.11']]);
    const d = run.diagnostics.find((x) => x.rule === RULE)!;
    expect(d.message).not.toContain('The partner is');
    expect(d.fix).toBeUndefined();
  });

  it("does not report the partner's address, on either node", () => {
    const lb2 = config('192.168.10.11').replace('unicast_src_ip 192.168.10.11', 'unicast_src_ip 192.168.10.12');
    const run = lintMemoryWorkspace(YAML, { 'lb1/keepalived.conf': config('192.168.10.12'), 'lb2/keepalived.conf': lb2 });
    expect(workspaceHits(run, RULE)).toEqual([]);
  });

  it('says nothing when the file is not mapped to a host', () => {
    const run = lintMemoryWorkspace(YAML, { 'other/keepalived.conf': config('192.168.10.11') });
    expect(workspaceHits(run, RULE)).toEqual([]);
  });
});
