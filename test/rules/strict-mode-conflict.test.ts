import { describe, expect, it } from 'vitest';
import { found, lintSnippet, memoryFiles, where } from '../helpers/lint-text.js';

const RULE = 'strict-mode-conflict';

const BAD = "global_defs {\n    vrrp_strict\n}\nvrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    state MASTER\n    higher_prio_send_advert\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n";
const GOOD = "global_defs {\n    vrrp_strict\n}\nvrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    state BACKUP\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n";

describe(RULE, () => {
  it('reports what keepalived 2.2.7 reports, at the line it concerns', () => {
    const ds = found(RULE, BAD);
    expect(ds.map((d) => [d.line, d.text])).toEqual([[8, "MASTER"], [9, "higher_prio_send_advert"]]);
    expect(ds[0].message).toContain("state MASTER must match being the address owner");
    expect(ds[0].severity).toBe("warning");
  });

  it('does not report the healthy twin', () => {
    expect(where(RULE, GOOD)).toEqual([]);
  });

  it('reports the same through an include', () => {
    const files = memoryFiles({ '/etc/keepalived/conf.d/part.conf': BAD });
    const ds = lintSnippet('include conf.d/*.conf\n', {}, files).filter((d) => d.rule === RULE);
    expect(ds.map((d) => d.path)).toEqual(Array(2).fill('/etc/keepalived/conf.d/part.conf'));
  });

  it('follows an instance strict_mode, and ignores instances without strict mode', () => {
    expect(where(RULE, BAD.replace('    vrrp_strict\n', ''))).toEqual([]);
    expect(where(RULE, BAD.replace('    vrrp_strict\n', '').replace('state MASTER', 'state MASTER\n    strict_mode'))).toEqual([[7, 'MASTER'], [9, 'higher_prio_send_advert']]);
  });

  it('accepts state MASTER for the address owner', () => {
    expect(where(RULE, BAD.replace('priority 100', 'priority 255').replace('    higher_prio_send_advert\n', ''))).toEqual([]);
  });
});
