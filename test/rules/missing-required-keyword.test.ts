import { describe, expect, it } from 'vitest';
import { found, where } from '../helpers/lint-text.js';

const RULE = 'missing-required-keyword';

describe(RULE, () => {
  it('reports a vrrp_instance without virtual_router_id, at its name', () => {
    const text = 'vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    priority 100\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n';
    const [d, ...rest] = found(RULE, text);
    expect(rest).toEqual([]);
    expect([d.line, d.text, d.severity]).toEqual([1, 'VI_1', 'error']);
    expect(d.message).toContain("'vrrp_instance VI_1' has no 'virtual_router_id'");
    expect(d.message).toContain('keepalived refuses to run the instance');
  });

  it('reports a vrrp_script without script, and leaves a script without a value to missing-argument', () => {
    expect(where(RULE, 'vrrp_script chk_haproxy {\n    interval 2\n    fall 2\n}\n')).toEqual([[1, 'chk_haproxy']]);
    const [d] = found(RULE, 'vrrp_script chk_haproxy {\n    interval 2\n}\n');
    expect(d.message).toContain("has no 'script': keepalived removes the vrrp_script");
    expect(where(RULE, 'vrrp_script chk_haproxy {\n    script\n    interval 2\n}\n')).toEqual([]);
  });

  it('reports a MISC_CHECK without misc_path, at the keyword of the unnamed block', () => {
    const text = [
      'virtual_server 10.0.0.100 80 {',
      '    lvs_sched wlc',
      '    lvs_method DR',
      '    protocol TCP',
      '    real_server 10.0.1.11 80 {',
      '        weight 1',
      '        MISC_CHECK {',
      '            misc_timeout 5',
      '        }',
      '    }',
      '}',
      '',
    ].join('\n');
    expect(where(RULE, text)).toEqual([[7, 'MISC_CHECK']]);
    expect(found(RULE, text)[0].message).toContain("'MISC_CHECK' has no 'misc_path': keepalived skips the check");
  });

  it('lists every alternative that would satisfy the block', () => {
    const [d] = found(RULE, 'garp_group {\n    interface eth0\n}\n');
    expect([d.line, d.text]).toEqual([1, 'garp_group']);
    expect(d.message).toContain("has no 'garp_interval' or 'gna_interval'");
    expect(where(RULE, 'garp_group {\n    gna_interval 0.5\n    interface eth0\n}\n')).toEqual([]);
  });

  it('reports track_file and bfd_instance blocks without their essential keyword', () => {
    const text = 'track_file maint {\n    weight 0\n}\nbfd_instance bfd_gw {\n    min_rx 100\n}\n';
    expect(where(RULE, text)).toEqual([[1, 'maint'], [4, 'bfd_gw']]);
  });

  it('does not report complete blocks', () => {
    const text = [
      'vrrp_script chk_haproxy {',
      '    script "/usr/bin/killall -0 haproxy"',
      '}',
      'track_file maint {',
      '    file /etc/keepalived/maintenance',
      '}',
      'vrrp_instance VI_1 {',
      '    interface eth0',
      '    virtual_router_id 51',
      '    virtual_ipaddress {',
      '        10.0.0.100/24',
      '    }',
      '}',
      '',
    ].join('\n');
    expect(where(RULE, text)).toEqual([]);
  });
});
