import { describe, expect, it } from 'vitest';
import { found, lintSnippet, memoryFiles, where } from '../helpers/lint-text.js';

const RULE = 'authentication-ignored';

const BAD = "global_defs {\n    vrrp_strict\n}\nvrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    authentication {\n        auth_type PASS\n        auth_pass 1111\n    }\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n";
const GOOD = "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    authentication {\n        auth_type PASS\n        auth_pass 1111\n    }\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n";

describe(RULE, () => {
  it('reports what keepalived 2.2.7 reports, at the line it concerns', () => {
    const ds = found(RULE, BAD);
    expect(ds.map((d) => [d.line, d.text])).toEqual([[8, "authentication"]]);
    expect(ds[0].message).toContain("strict mode (vrrp_strict, line 2) does not support authentication");
    expect(ds[0].severity).toBe("error");
  });

  it('does not report the healthy twin', () => {
    expect(where(RULE, GOOD)).toEqual([]);
  });

  it('reports the same through an include', () => {
    const files = memoryFiles({ '/etc/keepalived/conf.d/part.conf': BAD });
    const ds = lintSnippet('include conf.d/*.conf\n', {}, files).filter((d) => d.rule === RULE);
    expect(ds.map((d) => d.path)).toEqual(Array(1).fill('/etc/keepalived/conf.d/part.conf'));
  });

  it('reports authentication with VRRP version 3 and without auth_pass', () => {
    expect(found(RULE, GOOD.replace('priority 100', 'priority 100\n    version 3'))[0].message).toContain('version 3 (line 5)');
    expect(found(RULE, GOOD.replace('    auth_pass 1111\n', ''))[0].message).toContain('without auth_pass');
  });

  it('says AH turns an initial MASTER into BACKUP', () => {
    const [d] = found(RULE, GOOD.replace('PASS', 'AH').replace('priority 100', 'priority 100\n    state MASTER'));
    expect([d.line, d.text, d.severity]).toEqual([5, 'MASTER', 'warning']);
    expect(d.message).toContain('starts it as BACKUP');
  });
});
