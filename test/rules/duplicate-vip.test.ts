import { describe, expect, it } from 'vitest';
import { instance } from '../helpers/configs.js';
import { found, memoryFiles, where } from '../helpers/lint-text.js';

const RULE = 'duplicate-vip';

describe(RULE, () => {
  it('reports a VIP another instance already carries, at the later one', () => {
    const text = instance('VI_WEB', 'eth0', 51, '10.0.0.100/24') + instance('VI_API', 'eth0', 52, '10.0.0.100/24');
    const [hit, ...rest] = found(RULE, text);
    expect(rest).toEqual([]);
    expect([hit.line, hit.text]).toEqual([16, '10.0.0.100/24']);
    expect(hit.severity).toBe('warning');
    expect(hit.message).toContain("10.0.0.100/24 is also a VIP of vrrp_instance 'VI_WEB' (line 7) on eth0");
    expect(hit.message).toContain('whichever goes BACKUP first takes the address away from the other');
    expect(hit.diagnostic.related?.[0]).toMatchObject({ start: text.indexOf('10.0.0.100/24') });
  });

  it('compares addresses, not spellings, and counts virtual_ipaddress_excluded', () => {
    const v6 = instance('VI_6A', 'eth0', 61, 'fd00:10::100/64') + instance('VI_6B', 'eth0', 62, 'fd00:10:0::100/128');
    expect(where(RULE, v6)).toEqual([[16, 'fd00:10:0::100/128']]);
    const excluded = instance('VI_WEB', 'eth0', 51, '10.0.0.100/24') +
      instance('VI_API', 'eth0', 52, '10.0.0.101/24').replace('    priority 100\n', '    priority 100\n    virtual_ipaddress_excluded {\n        10.0.0.100\n    }\n');
    expect(where(RULE, excluded)).toEqual([[16, '10.0.0.100']]);
  });

  it('finds the other instance in an included file', () => {
    const files = memoryFiles({ '/etc/keepalived/conf.d/api.conf': instance('VI_API', 'eth0', 52, '10.0.0.100/24') });
    const hits = found(RULE, `${instance('VI_WEB', 'eth0', 51, '10.0.0.100/24')}include conf.d/*.conf\n`, {}, files);
    // The finding is in the included file; its message points back at the main file.
    expect(hits).toEqual([]);
    const all = found(RULE, `include conf.d/*.conf\n${instance('VI_WEB', 'eth0', 51, '10.0.0.100/24')}`, {}, files);
    expect(all.map((h) => h.line)).toEqual([8]);
    expect(all[0].message).toContain("vrrp_instance 'VI_API' (line 7 of conf.d/api.conf)");
  });

  it('sees through $NAME definitions', () => {
    const text = `$VIP=10.0.0.100/24\n${instance('VI_WEB', 'eth0', 51, '$VIP')}${instance('VI_API', 'eth0', 52, '10.0.0.100/24')}`;
    expect(where(RULE, text)).toEqual([[17, '10.0.0.100/24']]);
  });

  it('judges each config id: one VIP moved between instances by @id lines is no duplicate', () => {
    const moved = instance('VI_WEB', 'eth0', 51, '@lb1 10.0.0.100/24') + instance('VI_API', 'eth0', 52, '@lb2 10.0.0.100/24');
    expect(where(RULE, moved)).toEqual([]);
    const both = instance('VI_WEB', 'eth0', 51, '10.0.0.100/24') + instance('VI_API', 'eth0', 52, '@lb2 10.0.0.100/24');
    const [hit] = found(RULE, both);
    expect(hit.line).toBe(16);
  });

  it('accepts different VIPs, one VIP on two devices, and leaves a same-named instance to duplicate-definition', () => {
    expect(where(RULE, instance('VI_WEB', 'eth0', 51, '10.0.0.100/24') + instance('VI_API', 'eth0', 52, '10.0.0.101/24'))).toEqual([]);
    expect(where(RULE, instance('VI_WEB', 'eth0', 51, '10.0.0.100/24') + instance('VI_API', 'eth1', 52, '10.0.0.100/24 dev eth1'))).toEqual([]);
    expect(where(RULE, instance('VI_WEB', 'eth0', 51, '10.0.0.100/24') + instance('VI_WEB', 'eth0', 52, '10.0.0.100/24'))).toEqual([]);
  });
});
