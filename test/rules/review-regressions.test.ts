// Cases found by reviewing the keyword and VRRP rules against realistic configs.
import { describe, expect, it } from 'vitest';
import { applyFixTo, found, where } from '../helpers/lint-text.js';

describe('review regressions', () => {
  it('replaces a no-break space between words with a space instead of gluing them', () => {
    const text = 'vrrp_instance VI_1 {\n    virtual_router_id\u00a051\n}\n';
    const [hit] = found('invisible-character', text);
    expect(applyFixTo(text, hit.diagnostic.fix!)).toBe('vrrp_instance VI_1 {\n    virtual_router_id 51\n}\n');
  });

  it('does not call a keyword deprecated before the target version deprecated it', () => {
    const text = 'global_defs {\n    vrrp_rlimit_rtime 10000\n}\n';
    expect(where('deprecated-keyword', text, { keepalivedVersion: '2.0.19' })).toEqual([]);
    expect(where('deprecated-keyword', text, { dialect: 'dpvs' })).toEqual([]);
  });

  it('reports one extra closing brace once', () => {
    expect(where('syntax-error', 'global_defs {\n    router_id LB1\n}\n}\n')).toEqual([[4, '}']]);
  });

  it('does not count virtual_ipaddress_excluded as VIPs (keepalived 2.2.7: "No VIP specified")', () => {
    const text = 'vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 5\n    virtual_ipaddress_excluded {\n        10.0.0.100/24\n    }\n}\n';
    expect(where('no-virtual-ipaddress', text)).toEqual([[1, 'VI_1']]);
  });

  it('does not rewrite a $VARIABLE in nopreempt-with-master\'s fix', () => {
    const text = '$STATE=MASTER\nvrrp_instance VI_1 {\n    state $STATE\n    nopreempt\n    interface eth0\n    virtual_router_id 5\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n';
    const [hit] = found('nopreempt-with-master', text);
    expect(hit.diagnostic.fix).toBeUndefined();
  });
});
