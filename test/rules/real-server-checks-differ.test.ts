import { describe, expect, it } from 'vitest';
import { found, where } from '../helpers/lint-text.js';

const RULE = 'real-server-checks-differ';

const realServer = (ip: string, check: string) => `    real_server ${ip} 80 {
        weight 1
${check}    }
`;
const tcpCheck = (port: string, timeout = '3') => `        TCP_CHECK {
            connect_port ${port}
            connect_timeout ${timeout}
        }
`;
const HTTP_CHECK = `        HTTP_GET {
            url {
                path /healthz
                status_code 200
            }
            connect_timeout 3
        }
`;
const service = (...realServers: string[]) => `virtual_server 192.168.10.100 80 {
    lvs_sched wlc
    lvs_method DR
    protocol TCP
${realServers.join('')}}
`;

describe(RULE, () => {
  it('reports the one real server whose connect_port differs from the majority, on the value', () => {
    const text = service(realServer('192.168.10.21', tcpCheck('80')), realServer('192.168.10.22', tcpCheck('80')), realServer('192.168.10.23', tcpCheck('8080')));
    const hits = found(RULE, text);
    expect(hits.map((h) => [h.line, h.text])).toEqual([[22, '8080']]);
    expect(hits[0].severity).toBe('warning');
    expect(hits[0].message).toContain('real_server 192.168.10.23 sets connect_port to 8080');
    expect(hits[0].message).toContain('the other real servers of this virtual_server use 80');
  });

  it('takes a connect_port equal to the real server\'s own port as the default it is', () => {
    const own = (ip: string, port: string, connect: string) => `    real_server ${ip} ${port} {
        TCP_CHECK {
${connect ? `            connect_port ${connect}\n` : ''}            connect_timeout 3
        }
    }
`;
    expect(where(RULE, service(own('192.168.10.21', '80', '80'), own('192.168.10.22', '80', ''), own('192.168.10.23', '80', '')))).toEqual([]);
    expect(where(RULE, service(own('192.168.10.21', '8080', '8080'), own('192.168.10.22', '80', ''), own('192.168.10.23', '81', '')))).toEqual([]);
    const drift = found(RULE, service(own('192.168.10.21', '80', '9000'), own('192.168.10.22', '80', ''), own('192.168.10.23', '81', '')));
    expect(drift.map((h) => [h.line, h.text])).toEqual([[7, '9000']]);
    expect(drift[0].message).toContain('the other real servers of this virtual_server use their own port');
  });

  it('reports a different timeout', () => {
    const text = service(realServer('192.168.10.21', tcpCheck('80')), realServer('192.168.10.22', tcpCheck('80')), realServer('192.168.10.23', tcpCheck('80', '30')));
    expect(where(RULE, text)).toEqual([[23, '30']]);
  });

  it('reports a different check type on its keyword', () => {
    const text = service(realServer('192.168.10.21', tcpCheck('80')), realServer('192.168.10.22', tcpCheck('80')), realServer('192.168.10.23', HTTP_CHECK));
    const typeHit = found(RULE, text).find((h) => h.message.includes('checks with HTTP_GET'));
    expect(typeHit && [typeHit.line, typeHit.text]).toEqual([21, 'HTTP_GET']);
    expect(typeHit!.message).toContain('use TCP_CHECK');
  });

  it('accepts real servers checked alike', () => {
    const text = service(realServer('192.168.10.21', HTTP_CHECK), realServer('192.168.10.22', HTTP_CHECK), realServer('192.168.10.23', HTTP_CHECK));
    expect(where(RULE, text)).toEqual([]);
  });

  it('does not judge two real servers, or a tie, where there is no majority', () => {
    expect(where(RULE, service(realServer('192.168.10.21', tcpCheck('80')), realServer('192.168.10.22', tcpCheck('8080'))))).toEqual([]);
    expect(where(RULE, service(
      realServer('192.168.10.21', tcpCheck('80')), realServer('192.168.10.22', tcpCheck('80')),
      realServer('192.168.10.23', tcpCheck('8080')), realServer('192.168.10.24', tcpCheck('8080')),
    ))).toEqual([]);
  });
});
