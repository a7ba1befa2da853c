import { describe, expect, it } from 'vitest';
import { found, memoryFiles, where } from '../helpers/lint-text.js';

const RULE = 'unused-definition';

const GLOBAL = 'global_defs {\n    enable_script_security\n    script_user keepalived_script\n}\n';
const SCRIPT = 'vrrp_script chk_haproxy {\n    script "/usr/bin/killall -0 haproxy"\n    interval 2\n}\n';
const instance = (extra?: string) => [
  'vrrp_instance VI_1 {',
  '    state BACKUP',
  '    interface eth0',
  '    virtual_router_id 51',
  '    priority 100',
  '    virtual_ipaddress {',
  '        10.0.0.100/24',
  '    }',
  ...(extra ? [extra] : []),
  '}',
  '',
].join('\n');

describe(RULE, () => {
  it('reports a vrrp_script that no instance tracks', () => {
    const text = GLOBAL + SCRIPT + instance();
    const [d, ...rest] = found(RULE, text);
    expect(rest).toEqual([]);
    expect([d.line, d.text, d.severity]).toEqual([5, 'chk_haproxy', 'warning']);
    expect(d.message).toBe("vrrp_script 'chk_haproxy' is never referenced, so it has no effect");
  });

  it('does not report a script tracked by an instance (with a weight) or by a sync group', () => {
    expect(where(RULE, GLOBAL + SCRIPT + instance('    track_script {\n        chk_haproxy weight -20\n    }'))).toEqual([]);
    const sync = 'vrrp_sync_group VG_1 {\n    group {\n        VI_1\n    }\n    track_script {\n        chk_haproxy\n    }\n}\n';
    expect(where(RULE, GLOBAL + SCRIPT + sync + instance())).toEqual([]);
  });

  it('reports unused process trackers, track files and virtual_server groups', () => {
    const text = [
      'vrrp_track_process track_haproxy {',
      '    process haproxy',
      '    weight 10',
      '}',
      'track_file maint {',
      '    file /etc/keepalived/maintenance',
      '}',
      'virtual_server_group VSG_WEB {',
      '    10.0.0.100 80',
      '}',
      '',
    ].join('\n');
    expect(where(RULE, text)).toEqual([[1, 'track_haproxy'], [5, 'maint'], [8, 'VSG_WEB']]);
  });

  it('reports an unused local_address_group under the dpvs dialect', () => {
    const text = 'local_address_group laddr_g1 {\n    10.0.0.21 dpdk0\n}\n';
    expect(where(RULE, text, { dialect: 'dpvs' })).toEqual([[1, 'laddr_g1']]);
  });

  it('does not report objects that act on their own, such as a vrrp_instance nobody names', () => {
    expect(where(RULE, instance())).toEqual([]);
  });

  it('says nothing while an included file could not be read, and counts references in included files', () => {
    expect(where(RULE, `${GLOBAL}${SCRIPT}include /etc/keepalived/vrrp.d/*.conf\n`, {}, memoryFiles({}))).toEqual([]);
    const files = memoryFiles({ '/etc/keepalived/vrrp.d/vi_1.conf': instance('    track_script {\n        chk_haproxy\n    }') });
    expect(where(RULE, `${GLOBAL}${SCRIPT}include vrrp.d/*.conf\n`, {}, files)).toEqual([]);
    expect(where(RULE, `${GLOBAL}${SCRIPT}include vrrp.d/*.conf\n`, {}, memoryFiles({ '/etc/keepalived/vrrp.d/vi_1.conf': instance() }))).toEqual([[5, 'chk_haproxy']]);
  });
});
