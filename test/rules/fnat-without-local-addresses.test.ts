import { describe, expect, it } from 'vitest';
import { found, where } from '../helpers/lint-text.js';

const RULE = 'fnat-without-local-addresses';
const DPVS = { dialect: 'dpvs' } as const;

const LADDR = `local_address_group laddr_g1 {
    10.186.87.105 bond0
}

`;

const service = (methodLine: string, laddr = '') => `virtual_server 10.186.86.79 8443 {
    delay_loop 6
    lvs_sched rr
    ${methodLine}
    protocol TCP
${laddr}    real_server 10.186.80.11 8443 {
        weight 100
    }
}
`;

describe(RULE, () => {
  it('reports an FNAT virtual_server without laddr_group_name, on the method', () => {
    const hits = found(RULE, service('lvs_method FNAT'), DPVS);
    expect(hits.map((h) => [h.line, h.text])).toEqual([[4, 'FNAT']]);
    expect(hits[0].severity).toBe('error');
    expect(hits[0].message).toContain('FNAT virtual_server 10.186.86.79 has no laddr_group_name');
    expect(hits[0].message).toContain('no connection reaches the real servers');
  });

  it('reports the old lb_kind spelling too', () => {
    expect(where(RULE, service('lb_kind FNAT'), DPVS)).toEqual([[4, 'FNAT']]);
  });

  it('accepts FNAT services when dsnat zone blocks supply the local address groups', () => {
    const zones = `${LADDR}zone 10.0.0.0 8 {
    laddr_group_name laddr_g1
}

`;
    expect(where(RULE, zones + service('lb_kind FNAT'), DPVS)).toEqual([]);
    // A zone without a group supplies nothing.
    expect(where(RULE, `zone 10.0.0.0 8 {\n}\n${service('lb_kind FNAT')}`, DPVS)).toEqual([[6, 'FNAT']]);
  });

  it('accepts FNAT with a local address group', () => {
    expect(where(RULE, LADDR + service('lvs_method FNAT', '    laddr_group_name laddr_g1\n'), DPVS)).toEqual([]);
  });

  it('does not ask other forwarding methods for local addresses', () => {
    expect(where(RULE, service('lvs_method NAT'), DPVS)).toEqual([]);
    expect(where(RULE, service('lvs_method DR'), DPVS)).toEqual([]);
  });
});
