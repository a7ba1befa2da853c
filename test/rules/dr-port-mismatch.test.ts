import { describe, expect, it } from 'vitest';
import { applyFixTo, found, where } from '../helpers/lint-text.js';

const RULE = 'dr-port-mismatch';

const service = (method: string, vsPort: string, ...rsPorts: string[]) => `virtual_server 192.168.10.100 ${vsPort} {
    delay_loop 6
    lvs_sched wlc
    lvs_method ${method}
    protocol TCP
${rsPorts.map((p, i) => `    real_server 192.168.10.${21 + i} ${p} {
        weight 1
    }
`).join('')}}
`;

describe(RULE, () => {
  it('reports a real_server port that differs from the virtual_server port under DR', () => {
    const text = service('DR', '80', '80', '8080');
    const hits = found(RULE, text);
    expect(hits.map((h) => [h.line, h.text])).toEqual([[9, '8080']]);
    // keepalived accepts the config and traffic still flows, to the virtual port: a warning.
    expect(hits[0].severity).toBe('warning');
    expect(hits[0].message).toContain('real_server port 8080 differs from the virtual_server port 80');
    expect(hits[0].message).toContain('with DR forwarding the packet reaches the real server unchanged: it must listen on 80');
  });

  it('fixes the real_server port to the virtual_server port', () => {
    const text = service('DR', '80', '80', '8080');
    const [d] = found(RULE, text);
    expect(applyFixTo(text, d.diagnostic.fix!)).toBe(service('DR', '80', '80', '80'));
  });

  it('reports TUN too, also when the method is spelt with the old lb_kind', () => {
    expect(where(RULE, service('TUN', '443', '8443'))).toEqual([[6, '8443']]);
    expect(where(RULE, service('DR', '443', '8443').replace('lvs_method DR', 'lb_kind DR'))).toEqual([[6, '8443']]);
  });

  it('accepts port translation under NAT', () => {
    expect(where(RULE, service('NAT', '80', '8080', '8081'))).toEqual([]);
  });

  it('accepts equal ports and port 0 (unset)', () => {
    expect(where(RULE, service('DR', '80', '80', '0'))).toEqual([]);
  });

  it('does not judge fwmark services, which have no port', () => {
    const text = 'virtual_server fwmark 10 {\n    lvs_sched wlc\n    lvs_method DR\n    real_server 192.168.10.21 80 {\n        weight 1\n    }\n}\n';
    expect(where(RULE, text)).toEqual([]);
  });
});
