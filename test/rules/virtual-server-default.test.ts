import { describe, expect, it } from 'vitest';
import { found, where } from '../helpers/lint-text.js';

const RULE = 'virtual-server-default';
const service = (settings: string) => `virtual_server 10.0.0.1 80 {
${settings}    real_server 10.0.0.2 80 {
        weight 1
    }
}
`;

describe(RULE, () => {
  it('says which defaults keepalived applies; the UDP one is a warning', () => {
    const hits = found(RULE, service(''));
    expect(hits.map((h) => [h.severity, h.message.split(':')[0]])).toEqual([
      ['warning', 'virtual_server 10.0.0.1 80 has no protocol'],
      ['info', 'virtual_server 10.0.0.1 80 has no scheduler (lvs_sched / lb_algo)'],
      ['info', 'virtual_server 10.0.0.1 80 has no forwarding method (lvs_method / lb_kind)'],
    ]);
    expect(hits[0].message).toContain('defaults to UDP');
  });

  it('accepts a complete service, in either spelling', () => {
    expect(where(RULE, service('    lvs_sched rr\n    lvs_method DR\n    protocol TCP\n'))).toEqual([]);
    expect(where(RULE, service('    lb_algo rr\n    lb_kind DR\n    protocol TCP\n'))).toEqual([]);
  });

  it('takes a setting written on an @id line as present', () => {
    expect(where(RULE, service('    lvs_sched rr\n    lvs_method DR\n    @lb1 protocol TCP\n    @^lb1 protocol UDP\n'))).toEqual([]);
  });
});
