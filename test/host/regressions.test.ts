// Cases found by reviewing the host and pair rules against realistic setups.
import { describe, expect, it } from 'vitest';
import { readWorkspaceFile } from '../../server/src/analysis/host/from-workspace.js';
import { pathMatcher } from '../../server/src/analysis/glob/path-pattern.js';
import { found } from '../helpers/lint-text.js';
import { lintMemoryWorkspace, workspaceHits } from '../helpers/workspace.js';

const instance = (name: string, iface: string, vip: string, extra = '') => `vrrp_instance ${name} {
    state BACKUP
    interface ${iface}
    virtual_router_id 51
    priority 100
${extra}    virtual_ipaddress {
        ${vip} dev ${iface}
    }
}
`;

const twoHosts = (extra = '') => `version: 1
hosts:
  lb1:
    interfaces:
      eth0: [192.168.10.11/24]
      eth1: [10.0.0.11/24]
    configs: [lb1/keepalived.conf]
  lb2:
    interfaces:
      eth0: [192.168.10.12/24]
      eth1: [10.0.0.12/24]
    configs: [lb2/keepalived.conf]
${extra}`;

describe('pairs', () => {
  it('pairs instances only on the same segment (interface subnets), even with equal virtual_router_id', () => {
    const config = instance('VI_FRONT', 'eth0', '192.168.10.100/24') + instance('VI_BACK', 'eth1', '10.0.0.100/24', '    advert_int 3\n');
    const run = lintMemoryWorkspace(twoHosts(), { 'lb1/keepalived.conf': config, 'lb2/keepalived.conf': config });
    expect(workspaceHits(run, 'pair-vips-differ')).toEqual([]);
    expect(workspaceHits(run, 'pair-advert-int-differs')).toEqual([]);
  });

  it('accepts different advert_int and authentication between VRRPv3 peers', () => {
    const v3 = (advert: string) => `global_defs {\n    vrrp_version 3\n}\n${instance('VI_1', 'eth0', '192.168.10.100/24', `    advert_int ${advert}\n`)}`;
    const run = lintMemoryWorkspace(twoHosts(), { 'lb1/keepalived.conf': v3('1'), 'lb2/keepalived.conf': v3('2') });
    expect(workspaceHits(run, 'pair-advert-int-differs')).toEqual([]);
  });
});

describe('addresses', () => {
  it('proposes the labelled host\'s address in the parameter\'s subnet', () => {
    const yaml = `version: 1\nhosts:\n  lvs-a:\n    labels: [ddm_lvs1]\n    interfaces:\n      eth0: [172.16.0.5/24]\n      bond0: [10.186.87.105/23]\nparameters:\n  lvs_node1: { value: 10.186.87.200, node_label: ddm_lvs1 }\n`;
    const [hit] = lintMemoryWorkspace(yaml, {}).diagnostics.filter((d) => d.rule === 'parameter-wrong-node');
    expect(hit.fix?.edits[0].newText).toBe('10.186.87.105');
  });

  it('finds the unicast partner when unrelated hosts are in the workspace', () => {
    const yaml = `${twoHosts()}  db1:\n    interfaces:\n      eth0: [10.20.0.5/24]\n`;
    const config = instance('VI_1', 'eth0', '192.168.10.100/24', '    unicast_peer {\n        192.168.10.11\n    }\n');
    const run = lintMemoryWorkspace(yaml, { 'lb1/keepalived.conf': config });
    const hit = run.diagnostics.find((d) => d.rule === 'unicast-peer-is-self')!;
    expect(hit.message).toContain('The partner is lb2');
    expect(hit.fix?.edits[0].newText).toBe('192.168.10.12');
  });

  it('counts virtual_ipaddress_excluded addresses as VIPs', () => {
    const config = `${instance('VI_1', 'eth0', '192.168.10.100/24', '    virtual_ipaddress_excluded {\n        192.168.10.101/24 dev eth0\n    }\n')}virtual_server 192.168.10.101 443 {\n    lvs_method DR\n    real_server 192.168.10.21 443 {\n        weight 1\n    }\n}\n`;
    expect(workspaceHits(lintMemoryWorkspace(twoHosts(), { 'lb1/keepalived.conf': config }), 'virtual-server-address-not-vip')).toEqual([]);
  });
});

describe('real-server-checks-differ', () => {
  it('reports a different check type once, without comparing its options', () => {
    const rs = (ip: string, check: string) => `    real_server ${ip} 80 {\n        weight 1\n${check}    }\n`;
    const tcp = '        TCP_CHECK {\n            connect_port 80\n        }\n';
    const http = '        HTTP_GET {\n            url {\n                path /\n            }\n        }\n';
    const text = `virtual_server 192.168.10.100 80 {\n    lvs_method DR\n${rs('10.0.0.1', tcp)}${rs('10.0.0.2', tcp)}${rs('10.0.0.3', http)}${rs('10.0.0.4', tcp)}${rs('10.0.0.5', '')}}\n`;
    expect(found('real-server-checks-differ', text).map((f) => f.text)).toEqual(['HTTP_GET', '10.0.0.5']);
  });
});

describe('workspace file and globs', () => {
  it('keeps problem positions inside the text', () => {
    const text = 'version: 1\nhosts:\n  lb1: [\n';
    for (const p of readWorkspaceFile('/ws/keepalived-lint.yaml', text).problems) expect(p.end).toBeLessThanOrEqual(text.length);
  });

  it('matches ? inside braces', () => {
    expect(pathMatcher('{lb?,db}/keepalived.conf')?.('lb1/keepalived.conf')).toBe(true);
  });
});
