import { describe, expect, it } from 'vitest';
import { lintMemoryWorkspace, workspaceHits } from '../helpers/workspace.js';

const RULE = 'vrid-conflict';

/** Four hosts on one segment: lb1/lb2 serve the web VIP, lb3/lb4 the database VIP. */
const FOUR_HOSTS = `version: 1
hosts:
${[1, 2, 3, 4].map((n) => `  lb${n}:
    interfaces:
      eth0: [192.168.10.1${n}/24, "2001:db8:10::1${n}/64"]
    configs: [lb${n}/keepalived.conf]
`).join('')}`;

const instance = (name: string, vrid: number, priority: number, pass: string, vips: string[]) => `vrrp_instance ${name} {
    state ${priority > 100 ? 'MASTER' : 'BACKUP'}
    interface eth0
    virtual_router_id ${vrid}
    priority ${priority}
    advert_int 1
    authentication {
        auth_type PASS
        auth_pass ${pass}
    }
    virtual_ipaddress {
${vips.map((v) => `        ${v} dev eth0\n`).join('')}    }
}
`;

const clusters = (dbVrid: number) => lintMemoryWorkspace(FOUR_HOSTS, {
  'lb1/keepalived.conf': instance('VI_WEB', 51, 150, 'web51ok', ['192.168.10.100/24']),
  'lb2/keepalived.conf': instance('VI_WEB', 51, 100, 'web51ok', ['192.168.10.100/24']),
  'lb3/keepalived.conf': instance('VI_DB', dbVrid, 150, 'db51pass', ['192.168.10.200/24']),
  'lb4/keepalived.conf': instance('VI_DB', dbVrid, 100, 'db51pass', ['192.168.10.200/24']),
});

const PAIR_RULES = ['pair-priority-tie', 'pair-vips-differ', 'pair-auth-differs', 'pair-advert-int-differs'];

describe(RULE, () => {
  it('reports two clusters sharing a VRID on one segment at each virtual_router_id, and no pair findings', () => {
    const run = clusters(51);
    expect(workspaceHits(run, RULE)).toEqual(['lb1', 'lb2', 'lb3', 'lb4'].map((h) => [`${h}/keepalived.conf`, 4, '51']));
    const lb1 = run.diagnostics.find((d) => d.rule === RULE && d.path.endsWith('lb1/keepalived.conf'))!;
    expect(lb1.severity).toBe('error');
    expect(lb1.message).toContain('virtual_router_id 51 of vrrp_instance VI_WEB on lb1 (VIPs 192.168.10.100/24) is also used on segment 192.168.10.0/24 (eth0) by another cluster: vrrp_instance VI_DB on lb3 and lb4 (VIPs 192.168.10.200/24)');
    expect(lb1.related!.map((r) => r.path.split('/').slice(-2)[0])).toEqual(['lb3', 'lb4']);
    for (const rule of PAIR_RULES) expect(workspaceHits(run, rule), rule).toEqual([]);
  });

  it('accepts the two clusters on different VRIDs', () => {
    const run = clusters(52);
    expect(workspaceHits(run, RULE)).toEqual([]);
    for (const rule of PAIR_RULES) expect(workspaceHits(run, rule), rule).toEqual([]);
  });

  it('still runs the pair rules inside each cluster of a colliding group', () => {
    const run = lintMemoryWorkspace(FOUR_HOSTS, {
      'lb1/keepalived.conf': instance('VI_WEB', 51, 100, 'web51ok', ['192.168.10.100/24']),
      'lb2/keepalived.conf': instance('VI_WEB', 51, 100, 'web51ok', ['192.168.10.100/24']),
      'lb3/keepalived.conf': instance('VI_DB', 51, 150, 'db51pass', ['192.168.10.200/24']),
      'lb4/keepalived.conf': instance('VI_DB', 51, 100, 'db51pass', ['192.168.10.200/24']),
    });
    expect(workspaceHits(run, 'pair-priority-tie')).toEqual([['lb1/keepalived.conf', 5, 'priority'], ['lb2/keepalived.conf', 5, 'priority']]);
    expect(workspaceHits(run, RULE)).toHaveLength(4);
  });

  it('keeps an IPv4 and an IPv6 instance with one VRID apart: a healthy dual-stack pair is clean', () => {
    const node = (priority: number) => instance('VI_WEB4', 51, priority, 'web51ok', ['192.168.10.100/24'])
      + instance('VI_WEB6', 51, priority, 'web6', ['2001:db8:10::100/64']).replace('    authentication {\n        auth_type PASS\n        auth_pass web6\n    }\n', '');
    const run = lintMemoryWorkspace(FOUR_HOSTS, { 'lb1/keepalived.conf': node(150), 'lb2/keepalived.conf': node(100) });
    expect(run.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning')).toEqual([]);
  });
});
