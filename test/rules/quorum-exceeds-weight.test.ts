import { describe, expect, it } from 'vitest';
import { applyFixTo, found, memoryFiles, where } from '../helpers/lint-text.js';

const RULE = 'quorum-exceeds-weight';
const service = (quorum: string, ...weights: string[]) => `virtual_server 10.0.0.1 80 {
    lvs_sched rr
    lvs_method NAT
    protocol TCP
    quorum ${quorum}
${weights.map((w, i) => `    real_server 10.0.0.${2 + i} 80 {
${w ? `        weight ${w}\n` : ''}    }
`).join('')}}
`;

describe(RULE, () => {
  it('reports a quorum above the summed weights, with what keepalived lowers it to', () => {
    const [hit] = found(RULE, service('5', '2', ''));
    expect([hit.line, hit.text]).toEqual([5, '5']);
    expect(hit.message).toContain('exceeds the total weight 3 of its 2 real server(s): keepalived reduces the quorum to 3');
    expect(applyFixTo(service('5', '2', ''), hit.diagnostic.fix!)).toBe(service('3', '2', ''));
  });

  it('accepts a quorum the weights reach', () => {
    expect(where(RULE, service('3', '2', ''))).toEqual([]);
  });

  it('counts real servers from an included file', () => {
    const text = 'virtual_server 10.0.0.1 80 {\n    quorum 2\n    include rs.conf\n}\n';
    const files = memoryFiles({ '/etc/keepalived/rs.conf': 'real_server 10.0.0.2 80 {\n    weight 2\n}\n' });
    expect(where(RULE, text, {}, files)).toEqual([]);
    const light = memoryFiles({ '/etc/keepalived/rs.conf': 'real_server 10.0.0.2 80 {\n    weight 1\n}\n' });
    expect(where(RULE, text, {}, light)).toEqual([[2, '2']]);
  });
});
