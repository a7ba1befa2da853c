import { describe, expect, it } from 'vitest';
import { lintMemoryWorkspace, workspaceHits } from '../helpers/workspace.js';

const RULE = 'pair-version-differs';

/** lb1 and lb2 on one segment, each with the keepalived version given (none: not recorded). */
const hosts = (v1?: string, v2?: string) => `version: 1
hosts:
  lb1:
    interfaces:
      eth0: [192.168.10.11/24]
    configs: [lb1/keepalived.conf]
${v1 ? `    keepalived_version: ${v1}\n` : ''}  lb2:
    interfaces:
      eth0: [192.168.10.12/24]
    configs: [lb2/keepalived.conf]
${v2 ? `    keepalived_version: ${v2}\n` : ''}`;

/** A unicast instance; unicast_fault_no_peer came with keepalived 2.2.5. */
const node = (self: string, peer: string, state: string, priority: number, faultNoPeer: boolean) => `vrrp_instance VI_WEB {
    state ${state}
    interface eth0
    virtual_router_id 51
    priority ${priority}
    unicast_src_ip ${self}
    unicast_peer {
        ${peer}
    }
${faultNoPeer ? '    unicast_fault_no_peer\n' : ''}    virtual_ipaddress {
        192.168.10.100/24 dev eth0
    }
}
`;

const run = (yaml: string, lb1Has: boolean, lb2Has: boolean) => lintMemoryWorkspace(yaml, {
  'lb1/keepalived.conf': node('192.168.10.11', '192.168.10.12', 'MASTER', 150, lb1Has),
  'lb2/keepalived.conf': node('192.168.10.12', '192.168.10.11', 'BACKUP', 100, lb2Has),
});

describe(RULE, () => {
  it('reports a keyword the upgraded node uses and its peer\'s older keepalived cannot read, naming both hosts and versions', () => {
    const result = run(hosts('2.2.7', '2.2.4'), true, false);
    expect(workspaceHits(result, RULE)).toEqual([['lb1/keepalived.conf', 10, 'unicast_fault_no_peer']]);
    const d = result.diagnostics.find((x) => x.rule === RULE)!;
    expect(d.severity).toBe('warning');
    expect(d.message).toContain("'unicast_fault_no_peer' (keepalived 2.2.5 and later) is used on lb1, which runs keepalived 2.2.7, but its VRRP peer lb2 (keepalived 2.2.4) cannot read it");
    expect(d.related!.map((r) => [result.texts.get(r.path)!.slice(r.start, r.end), r.message])).toEqual([['2.2.7', 'keepalived_version of lb1'], ['2.2.4', 'keepalived_version of lb2']]);
  });

  it('checks each config against its own host\'s version: the old node\'s use is unknown-keyword there, the new node\'s use is this rule', () => {
    const result = run(hosts('2.2.7', '2.2.4'), true, true);
    expect(workspaceHits(result, RULE)).toEqual([['lb1/keepalived.conf', 10, 'unicast_fault_no_peer']]);
    expect(workspaceHits(result, 'unknown-keyword')).toEqual([['lb2/keepalived.conf', 10, 'unicast_fault_no_peer']]);
    expect(result.diagnostics.find((x) => x.rule === 'unknown-keyword')!.message).toContain('is not in keepalived 2.2.4');
  });

  it('accepts versions that differ in no keyword the configs use', () => {
    expect(workspaceHits(run(hosts('2.2.7', '2.2.4'), false, false), RULE)).toEqual([]);
    expect(workspaceHits(run(hosts('2.2.7', '2.2.5'), true, true), RULE)).toEqual([]);
  });

  it('compares only versions recorded as host facts', () => {
    expect(workspaceHits(run(hosts('2.2.7'), true, false), RULE)).toEqual([]);
    expect(workspaceHits(run(`keepalived_version: 2.2.4\n${hosts('2.2.7')}`, true, false), RULE)).toEqual([]);
  });
});
