import { describe, expect, it } from 'vitest';
import { found, where } from '../helpers/lint-text.js';

const RULE = 'duplicate-real-server';

const virtualServer = (address: string, ...realServers: string[]) => [
  `virtual_server ${address} {`,
  '    delay_loop 6',
  '    lvs_sched wlc',
  '    lvs_method NAT',
  '    protocol TCP',
  ...realServers.flatMap((rs, i) => [
    `    real_server ${rs} {`,
    `        weight ${i + 1}`,
    '        TCP_CHECK {',
    '            connect_timeout 3',
    '        }',
    '    }',
  ]),
  '}',
  '',
].join('\n');

describe(RULE, () => {
  it('reports the second entry of the same address and port, pointing at the first', () => {
    const text = virtualServer('10.0.0.100 80', '10.0.1.11 80', '10.0.1.12 80', '10.0.1.11 80');
    const [d, ...rest] = found(RULE, text);
    expect(rest).toEqual([]);
    expect([d.line, d.text]).toEqual([18, '10.0.1.11']);
    expect(d.message).toContain('real_server 10.0.1.11 80 is listed twice');
    expect(d.message).toContain('(first on line 6)');
    expect(d.message).toContain("one entry's weight and health check are lost");
    expect(d.diagnostic.related?.[0]).toMatchObject({ message: 'first entry', start: text.indexOf('10.0.1.11') });
  });

  it('treats a real_server without a port as using the virtual server port', () => {
    expect(where(RULE, virtualServer('10.0.0.100 80', '10.0.1.11 80', '10.0.1.11'))).toEqual([[12, '10.0.1.11']]);
  });

  it('reports duplicates in a fwmark virtual server', () => {
    expect(where(RULE, virtualServer('fwmark 10', '10.0.1.11 80', '10.0.1.11 80'))).toEqual([[12, '10.0.1.11']]);
  });

  it('does not report the same address on different ports, or different addresses', () => {
    expect(where(RULE, virtualServer('10.0.0.100 80', '10.0.1.11 80', '10.0.1.11 8080'))).toEqual([]);
    expect(where(RULE, virtualServer('10.0.0.100 80', '10.0.1.11 80', '10.0.1.12 80'))).toEqual([]);
  });

  it('does not compare real servers of different virtual servers', () => {
    const text = virtualServer('10.0.0.100 80', '10.0.1.11 80') + virtualServer('10.0.0.100 443', '10.0.1.11 80');
    expect(where(RULE, text)).toEqual([]);
  });
});
