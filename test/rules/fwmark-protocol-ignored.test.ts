import { describe, expect, it } from 'vitest';
import { found, where } from '../helpers/lint-text.js';

const RULE = 'fwmark-protocol-ignored';
const service = (head: string, protocol: string) => `virtual_server ${head} {
    lvs_sched rr
    lvs_method DR
${protocol}    real_server 10.0.0.2 0 {
        weight 1
    }
}
`;

describe(RULE, () => {
  it('notes a protocol on a fwmark service (info)', () => {
    const [hit] = found(RULE, service('fwmark 7', '    protocol TCP\n'));
    expect([hit.line, hit.text, hit.severity]).toEqual([4, 'protocol', 'info']);
  });

  it('accepts a fwmark service without protocol and an address service with one', () => {
    expect(where(RULE, service('fwmark 7', ''))).toEqual([]);
    expect(where(RULE, service('10.0.0.1 80', '    protocol TCP\n'))).toEqual([]);
  });

  it('reports a group of marks only, not a group that also has addresses', () => {
    const group = (entries: string) => `virtual_server_group G {\n${entries}}\n${service('group G', '    protocol TCP\n')}`;
    expect(where(RULE, group('    fwmark 9\n'))).toEqual([[7, 'protocol']]);
    expect(where(RULE, group('    fwmark 9\n    10.0.1.1 80\n'))).toEqual([]);
  });
});
