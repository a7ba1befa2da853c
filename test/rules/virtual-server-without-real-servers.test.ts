import { describe, expect, it } from 'vitest';
import { found, where } from '../helpers/lint-text.js';

const RULE = 'virtual-server-without-real-servers';
const service = (body: string) => `virtual_server 192.168.10.100 443 {
    lvs_sched rr
    lvs_method DR
    protocol TCP
${body}}
`;

describe(RULE, () => {
  it('reports a virtual_server without real_server as ignored by keepalived (error)', () => {
    const [hit] = found(RULE, service(''));
    expect([hit.line, hit.text]).toEqual([1, 'virtual_server']);
    expect(hit.severity).toBe('error');
    expect(hit.message).toContain('keepalived ignores this virtual_server');
  });

  it('accepts a virtual_server with a real_server, also one written through $NAME', () => {
    expect(where(RULE, service('    real_server 192.168.10.21 443 {\n        weight 1\n    }\n'))).toEqual([]);
    expect(where(RULE, `$RS=real_server 192.168.10.21 443 {\n${service('    $RS\n        weight 1\n    }\n')}`.replace('{\nvirtual', '\nvirtual'))).toEqual([]);
  });

  it('leaves the DPVS dialect alone', () => {
    expect(where(RULE, service(''), { dialect: 'dpvs' })).toEqual([]);
  });
});
