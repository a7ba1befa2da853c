import { describe, expect, it } from 'vitest';
import { found, where } from '../helpers/lint-text.js';

const RULE = 'fwmark-port-ignored';
const service = (method: string, port: string) => `virtual_server fwmark 7 {
    lvs_sched rr
    lvs_method ${method}
    real_server 10.0.0.2 ${port} {
        weight 1
    }
    sorry_server 10.0.0.9 ${port}
}
`;

describe(RULE, () => {
  it('reports real_server and sorry_server ports of a DR fwmark service as cleared', () => {
    const hits = found(RULE, service('DR', '80'));
    expect(hits.map((h) => [h.line, h.text])).toEqual([[4, '80'], [7, '80']]);
    expect(hits[0].message).toContain('keepalived clears this port');
  });

  it('accepts port 0 and NAT', () => {
    expect(where(RULE, service('DR', '0'))).toEqual([]);
    expect(where(RULE, service('NAT', '80'))).toEqual([]);
  });

  it('reports a group with fwmark entries, where keepalived ignores the port', () => {
    const text = `virtual_server_group WEB {\n    fwmark 9\n}\n${service('TUN', '81').replace('fwmark 7', 'group WEB')}`;
    const hits = found(RULE, text);
    expect(hits.map((h) => h.line)).toEqual([7, 10]);
    expect(hits[0].message).toContain('ignores this port');
    expect(where(RULE, text.replace('fwmark 9', '10.0.1.1 81'))).toEqual([]);
  });
});
