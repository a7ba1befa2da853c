import { describe, expect, it } from 'vitest';
import { instance } from '../helpers/configs.js';
import { found, lintSnippet, memoryFiles, where } from '../helpers/lint-text.js';

const RULE = 'duplicate-vrid';

describe(RULE, () => {
  it('reports a virtual_router_id reused on the same interface, naming the first instance', () => {
    const text = instance('VI_WEB', 'eth0', 51, '10.0.0.100/24') + instance('VI_DB', 'eth0', 51, '10.0.0.101/24');
    const [d, ...rest] = found(RULE, text);
    expect(rest).toEqual([]);
    expect([d.line, d.text]).toEqual([13, '51']);
    expect(d.message).toContain("virtual_router_id 51 is already used by vrrp_instance 'VI_WEB' on eth0 (line 4)");
    expect(d.diagnostic.related?.[0]).toMatchObject({ message: 'first use of this virtual_router_id', start: text.indexOf('51') });
  });

  it('reports every later reuse against the first instance', () => {
    const text = instance('VI_1', 'eth0', 51, '10.0.0.100/24') + instance('VI_2', 'eth0', 51, '10.0.0.101/24') + instance('VI_3', 'eth0', 51, '10.0.0.102/24');
    expect(where(RULE, text)).toEqual([[13, '51'], [22, '51']]);
    expect(found(RULE, text)[1].message).toContain("vrrp_instance 'VI_1'");
  });

  it('compares instances across included files and reports the one read later', () => {
    const path = '/etc/keepalived/conf.d/db.conf';
    const included = instance('VI_DB', 'eth0', 51, '10.0.0.101/24');
    const hits = lintSnippet(`${instance('VI_WEB', 'eth0', 51, '10.0.0.100/24')}include conf.d/*.conf\n`, {}, memoryFiles({ [path]: included }))
      .filter((d) => d.rule === RULE);
    expect(hits.map((d) => [d.path, included.slice(d.start, d.end)])).toEqual([[path, '51']]);
    expect(hits[0].message).toContain("already used by vrrp_instance 'VI_WEB'");
  });

  it('leaves a second instance of the same name to duplicate-definition: keepalived drops its whole block', () => {
    const text = instance('VI_1', 'eth0', 51, '10.0.0.100/24') + instance('VI_1', 'eth0', 51, '10.0.0.101/24');
    expect(where(RULE, text)).toEqual([]);
    expect(where('duplicate-definition', text)).toEqual([[10, 'VI_1']]);
    // A third, differently named instance still collides with the first.
    expect(where(RULE, text + instance('VI_3', 'eth0', 51, '10.0.0.102/24'))).toEqual([[22, '51']]);
  });

  it('does not report the same id on another interface, in another address family, or different ids', () => {
    expect(where(RULE, instance('VI_1', 'eth0', 51, '10.0.0.100/24') + instance('VI_2', 'eth1', 51, '10.0.1.100/24'))).toEqual([]);
    expect(where(RULE, instance('VI_4', 'eth0', 51, '10.0.0.100/24') + instance('VI_6', 'eth0', 51, 'fd00:10::100/64'))).toEqual([]);
    expect(where(RULE, instance('VI_1', 'eth0', 51, '10.0.0.100/24') + instance('VI_2', 'eth0', 52, '10.0.0.101/24'))).toEqual([]);
  });
});
