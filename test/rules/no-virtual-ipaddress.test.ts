import { describe, expect, it } from 'vitest';
import { found, where } from '../helpers/lint-text.js';

const RULE = 'no-virtual-ipaddress';

const instance = (...lines: string[]) => [
  'vrrp_instance VI_1 {',
  '    state BACKUP',
  '    interface eth0',
  '    virtual_router_id 51',
  '    priority 100',
  ...lines.map((l) => `    ${l}`),
  '}',
  '',
].join('\n');

describe(RULE, () => {
  it('reports an instance without virtual_ipaddress, at its name', () => {
    const [d, ...rest] = found(RULE, instance('advert_int 1'));
    expect(rest).toEqual([]);
    expect([d.line, d.text, d.severity]).toEqual([1, 'VI_1', 'warning']);
    expect(d.message).toBe("vrrp_instance 'VI_1' has no virtual_ipaddress: failover moves no address");
  });

  it('reports an empty virtual_ipaddress block', () => {
    const [d] = found(RULE, instance('virtual_ipaddress {', '}'));
    expect([d.line, d.text]).toEqual([1, 'VI_1']);
    expect(d.message).toContain('has no virtual_ipaddress entries');
  });

  it('reports an instance whose only addresses are virtual routes', () => {
    expect(where(RULE, instance('virtual_routes {', '    10.1.0.0/16 via 10.0.0.1', '}'))).toEqual([[1, 'VI_1']]);
  });

  it('does not report instances with an address, in any of their virtual_ipaddress blocks', () => {
    expect(where(RULE, instance('virtual_ipaddress {', '    10.0.0.100/24 dev eth0', '}'))).toEqual([]);
    expect(where(RULE, instance('virtual_ipaddress {', '}', 'virtual_ipaddress {', '    10.0.0.100/24', '}'))).toEqual([]);
  });

  it('accepts an explicit no_virtual_ipaddress where the target version has it', () => {
    expect(where(RULE, instance('no_virtual_ipaddress'), { keepalivedVersion: '2.2.8' })).toEqual([]);
  });
});
