import { describe, expect, it } from 'vitest';
import { lintMemoryWorkspace, TWO_HOSTS, WS_ROOT, workspaceHits, webInstance } from '../helpers/workspace.js';

const RULE = 'dr-real-server-not-on-link';

const config = (state: string, priority: number, method: string, servers: string[], extra = '') => `${webInstance(state, priority)}
virtual_server 192.168.10.100 80 {
    lvs_sched wlc
    ${method}
    protocol TCP
${servers.map((s) => `    real_server ${s} 80 {
        weight 1
${extra}        TCP_CHECK {
            connect_timeout 3
        }
    }
`).join('')}}
`;

const run = (method: string, servers: string[], extra = '', yaml = TWO_HOSTS) => lintMemoryWorkspace(yaml, {
  'lb1/keepalived.conf': config('MASTER', 150, method, servers, extra),
  'lb2/keepalived.conf': config('BACKUP', 100, method, servers, extra),
});

describe(RULE, () => {
  it('reports a routed DR real server on both directors, naming the host and its subnets', () => {
    const r = run('lvs_method DR', ['192.168.10.21', '10.20.0.21']);
    expect(workspaceHits(r, RULE)).toEqual([['lb1/keepalived.conf', 21, '10.20.0.21'], ['lb2/keepalived.conf', 21, '10.20.0.21']]);
    const d = r.diagnostics.find((x) => x.rule === RULE && x.path.endsWith('lb2/keepalived.conf'))!;
    expect(d.severity).toBe('error');
    expect(d.message).toContain('real_server 10.20.0.21 is not on a subnet of lb2 (eth0 192.168.10.12/24)');
    expect(d.message).toContain('only rewrites the destination MAC');
    const yaml = r.texts.get(`${WS_ROOT}/keepalived-lint.yaml`)!;
    expect(yaml.slice(d.related![0].start, d.related![0].end)).toBe('192.168.10.12/24');
  });

  it('uses the legacy lb_kind and a real server\'s own lvs_method', () => {
    expect(workspaceHits(run('lb_kind DR', ['10.20.0.21']), RULE)).toHaveLength(2);
    expect(workspaceHits(run('lvs_method NAT', ['10.20.0.21'], '        lvs_method DR\n'), RULE)).toHaveLength(2);
    expect(workspaceHits(run('lvs_method DR', ['10.20.0.21'], '        lvs_method TUN\n'), RULE)).toEqual([]);
  });

  it('checks each director against its own interfaces', () => {
    const yaml = TWO_HOSTS.replace('eth0: [192.168.10.12/24]', 'eth0: [192.168.10.12/24]\n      eth1: [10.20.0.2/24]');
    expect(workspaceHits(run('lvs_method DR', ['10.20.0.21'], '', yaml), RULE)).toEqual([['lb1/keepalived.conf', 15, '10.20.0.21']]);
  });

  it('stays quiet for on-link DR real servers, TUN and NAT, and without host facts', () => {
    const healthy = run('lvs_method DR', ['192.168.10.21', '192.168.10.22']);
    expect(workspaceHits(healthy, RULE)).toEqual([]);
    expect(healthy.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(workspaceHits(run('lvs_method TUN', ['10.20.0.21']), RULE)).toEqual([]);
    expect(workspaceHits(run('lvs_method NAT', ['10.20.0.21']), RULE)).toEqual([]);
    expect(workspaceHits(run('', ['10.20.0.21']), RULE)).toEqual([]);
    const bare = 'version: 1\nhosts:\n  lb1:\n    configs: [lb1/keepalived.conf]\n  lb2:\n    configs: [lb2/keepalived.conf]\n';
    expect(workspaceHits(run('lvs_method DR', ['10.20.0.21'], '', bare), RULE)).toEqual([]);
  });

  it('reads a real server address written as a $NAME definition', () => {
    const text = `$RS2=10.20.0.22\n${config('MASTER', 150, 'lvs_method DR', ['192.168.10.21', '$RS2'])}`;
    const r = lintMemoryWorkspace(TWO_HOSTS, { 'lb1/keepalived.conf': text });
    expect(workspaceHits(r, RULE).map(([file, , covered]) => [file, covered])).toEqual([['lb1/keepalived.conf', '$RS2']]);
  });
});
