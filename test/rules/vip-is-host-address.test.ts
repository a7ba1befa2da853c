import { describe, expect, it } from 'vitest';
import { lintMemoryWorkspace, workspaceHits, WS_ROOT } from '../helpers/workspace.js';

const RULE = 'vip-is-host-address';

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

const instance = (priority: number, vip: string) => `vrrp_instance VI_WEB {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority ${priority}
    virtual_ipaddress {
        ${vip}
    }
}
`;

const run = (text: string) => lintMemoryWorkspace(YAML, { 'lb1/keepalived.conf': text });

describe(RULE, () => {
  it("reports a VIP that is another host's fixed address and points at that address in the workspace file", () => {
    const r = run(instance(150, '192.168.10.12/24 dev eth0'));
    expect(workspaceHits(r, RULE)).toEqual([['lb1/keepalived.conf', 7, '192.168.10.12/24']]);
    const d = r.diagnostics.find((x) => x.rule === RULE)!;
    expect(d.severity).toBe('error');
    expect(d.message).toContain('VIP 192.168.10.12/24 is the fixed address of lb2 (labels lb-secondary)');
    expect(d.message).toContain('both machines answer ARP for it');
    const yamlPath = `${WS_ROOT}/keepalived-lint.yaml`;
    const related = d.related!.find((x) => x.path === yamlPath)!;
    expect(YAML.slice(related.start, related.end)).toBe('192.168.10.12/24');
    expect(YAML.slice(0, related.start).split('\n').length).toBe(11);
  });

  it("reports the node's own address as VIP when it is not the address owner (priority below 255)", () => {
    expect(workspaceHits(run(instance(150, '192.168.10.11/24')), RULE)).toEqual([['lb1/keepalived.conf', 7, '192.168.10.11/24']]);
  });

  it('accepts the address owner: priority 255 with its own address', () => {
    expect(workspaceHits(run(instance(255, '192.168.10.11/24')), RULE)).toEqual([]);
  });

  it("still reports priority 255 with another host's address", () => {
    expect(workspaceHits(run(instance(255, '192.168.10.12/24')), RULE)).toEqual([['lb1/keepalived.conf', 7, '192.168.10.12/24']]);
  });

  it('accepts a VIP no host owns', () => {
    expect(workspaceHits(run(instance(150, '192.168.10.100/24')), RULE)).toEqual([]);
  });
});
