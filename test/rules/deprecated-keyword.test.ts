import { describe, expect, it } from 'vitest';
import { applyFixTo, found, where } from '../helpers/lint-text.js';

const RULE = 'deprecated-keyword';

const httpCheck = (retry: string) => [
  'virtual_server 10.0.0.100 80 {',
  '    lvs_sched wlc',
  '    lvs_method NAT',
  '    protocol TCP',
  '    real_server 10.0.1.11 80 {',
  '        weight 1',
  '        HTTP_GET {',
  '            url {',
  '                path /healthz',
  '                status_code 200',
  '            }',
  '            connect_timeout 3',
  `            ${retry} 3`,
  '        }',
  '    }',
  '}',
  '',
].join('\n');

const legacyVirtualServer = (algo: string, kind: string) => [
  'virtual_server 10.0.0.100 80 {',
  `    ${algo} rr`,
  `    ${kind} DR`,
  '    protocol TCP',
  '    real_server 10.0.1.11 80 {',
  '        weight 1',
  '    }',
  '}',
  '',
].join('\n');

describe(RULE, () => {
  it('warns about a keyword keepalived -t complains about, with a fix to its replacement', () => {
    const text = httpCheck('nb_get_retry');
    const [d, ...rest] = found(RULE, text);
    expect(rest).toEqual([]);
    expect([d.line, d.text, d.severity]).toEqual([13, 'nb_get_retry', 'warning']);
    expect(d.message).toContain("use 'retry'");
    expect(d.message).toContain('keepalived -t warns about it');
    expect(applyFixTo(text, d.diagnostic.fix!)).toBe(httpCheck('retry'));
  });

  it('reports legacy names keepalived accepts silently as info, with fixes', () => {
    const text = legacyVirtualServer('lb_algo', 'lb_kind');
    const hits = found(RULE, text);
    expect(hits.map((d) => [d.line, d.text, d.severity])).toEqual([[2, 'lb_algo', 'info'], [3, 'lb_kind', 'info']]);
    expect(hits[0].message).toContain("use 'lvs_sched' (keepalived still accepts it)");
    // Later edits first, so the offsets of earlier ones stay valid.
    const fixed = [...hits].reverse().reduce((t, d) => applyFixTo(t, d.diagnostic.fix!), text);
    expect(fixed).toBe(legacyVirtualServer('lvs_sched', 'lvs_method'));
  });

  it('names a replacement that is not a simple rename without offering a fix', () => {
    const text = [
      'vrrp_instance VI_1 {',
      '    state BACKUP',
      '    interface eth0',
      '    virtual_router_id 51',
      '    lvs_sync_daemon_interface eth1',
      '    virtual_ipaddress {',
      '        10.0.0.100/24',
      '    }',
      '}',
      '',
    ].join('\n');
    const [d] = found(RULE, text);
    expect([d.line, d.text]).toEqual([5, 'lvs_sync_daemon_interface']);
    expect(d.message).toContain("use 'global_defs lvs_sync_daemon'");
    expect(d.diagnostic.fix).toBeUndefined();
  });

  it('reports a deprecated top-level block name', () => {
    const text = 'vrrp_track_file maint {\n    file /etc/keepalived/maint\n}\n';
    expect(where(RULE, text)).toEqual([[1, 'vrrp_track_file']]);
    expect(applyFixTo(text, found(RULE, text)[0].diagnostic.fix!)).toBe('track_file maint {\n    file /etc/keepalived/maint\n}\n');
  });

  it('does not report current keyword names', () => {
    expect(where(RULE, httpCheck('retry'))).toEqual([]);
    expect(where(RULE, legacyVirtualServer('lvs_sched', 'lvs_method'))).toEqual([]);
    expect(where(RULE, 'global_defs {\n    router_id LB1\n    lvs_flush_on_stop\n}\n')).toEqual([]);
  });
});
