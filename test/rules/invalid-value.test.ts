import { describe, expect, it } from 'vitest';
import { applyFixTo, found, where } from '../helpers/lint-text.js';

const RULE = 'invalid-value';

const instance = (state: string, vrid: string, priority: string, vip = '10.0.0.100/24') => [
  'vrrp_instance VI_1 {',
  `    state ${state}`,
  '    interface eth0',
  `    virtual_router_id ${vrid}`,
  `    priority ${priority}`,
  '    advert_int 1',
  '    virtual_ipaddress {',
  `        ${vip}`,
  '    }',
  '}',
  '',
].join('\n');

const virtualServer = (address: string, scheduler: string, delayLoop = '6') => [
  `virtual_server ${address} {`,
  `    delay_loop ${delayLoop}`,
  `    lvs_sched ${scheduler}`,
  '    lvs_method NAT',
  '    protocol TCP',
  '    real_server 10.0.1.11 80 {',
  '        weight 1',
  '    }',
  '}',
  '',
].join('\n');

describe(RULE, () => {
  it('reports numbers outside the range keepalived accepts', () => {
    expect(where(RULE, instance('BACKUP', '0', '300'))).toEqual([[4, '0'], [5, '300']]);
    const [vrid, priority] = found(RULE, instance('BACKUP', '0', '300'));
    expect(vrid.message).toContain("'virtual_router_id': 0 is outside the range 1..255");
    expect(priority.message).toContain("'priority': 300 is outside the range 1..255");
  });

  it('reports a word where a number is expected', () => {
    const [d] = found(RULE, instance('BACKUP', '51', 'high'));
    expect([d.line, d.text]).toEqual([5, 'high']);
    expect(d.message).toContain("'high' is not a whole number");
  });

  it('fixes an enum value written in the wrong case', () => {
    const text = instance('master', '51', '100');
    const [d] = found(RULE, text);
    expect([d.line, d.text]).toEqual([2, 'master']);
    expect(d.message).toContain("'master' is not valid here; expected one of 'MASTER' or 'BACKUP'");
    expect(applyFixTo(text, d.diagnostic.fix!)).toBe(instance('MASTER', '51', '100'));
  });

  it('reports an unknown enum word without a fix when nothing is close', () => {
    const [d] = found(RULE, instance('PRIMARY', '51', '100'));
    expect([d.line, d.text]).toEqual([2, 'PRIMARY']);
    expect(d.diagnostic.fix).toBeUndefined();
  });

  it('reports a malformed address in the virtual_ipaddress block', () => {
    const [d] = found(RULE, instance('BACKUP', '51', '100', '10.0.0.300/24'));
    expect([d.line, d.text]).toEqual([8, '10.0.0.300/24']);
    expect(d.message).toContain("invalid entry in 'virtual_ipaddress'");
    expect(d.message).toContain('keepalived skips this address');
  });

  it('reports a bad virtual_server address and a wrongly cased scheduler with its fix', () => {
    expect(where(RULE, virtualServer('10.0.0.256 80', 'wlc'))).toEqual([[1, '10.0.0.256']]);
    expect(found(RULE, virtualServer('10.0.0.256 80', 'wlc'))[0].message).toContain('keepalived skips this virtual server');
    const text = virtualServer('10.0.0.100 80', 'WLC');
    const [d] = found(RULE, text);
    expect([d.line, d.text]).toEqual([3, 'WLC']);
    expect(applyFixTo(text, d.diagnostic.fix!)).toBe(virtualServer('10.0.0.100 80', 'wlc'));
  });

  it('warns, not errors, about more decimals than keepalived keeps', () => {
    const [d] = found(RULE, virtualServer('10.0.0.100 80', 'wlc', '2.0000001'));
    expect([d.line, d.text, d.severity]).toEqual([2, '2.0000001', 'warning']);
    expect(d.message).toContain('keepalived rounds it');
  });

  it('accepts valid values, boundaries, address options and fwmark services; leaves DPVS values to dialect-keyword', () => {
    expect(where(RULE, instance('BACKUP', '255', '1', '10.0.0.100/24 dev eth0 label eth0:vip'))).toEqual([]);
    expect(where(RULE, virtualServer('fwmark 10', 'wlc', '2.5'))).toEqual([]);
    expect(where(RULE, virtualServer('10.0.0.100 80', 'conhash'))).toEqual([]);
    expect(where('dialect-keyword', virtualServer('10.0.0.100 80', 'conhash'))).toEqual([[3, 'conhash']]);
  });

  it('names the one word allowed when an enum has a single value', () => {
    const script = 'vrrp_script chk_nginx {\n    script "/usr/bin/pgrep nginx"\n    weight -20 reversed\n}\n';
    const [d, ...rest] = found(RULE, script);
    expect(rest).toEqual([]);
    expect([d.line, d.text]).toEqual([3, 'reversed']);
    expect(d.message).toBe("invalid value for 'weight': 'reversed' is not valid here; expected 'reverse'");
  });

  it('accepts use_ipvlan with an address and a mode but no interface name, as keepalived does', () => {
    const lines = instance('BACKUP', '51', '100').split('\n');
    lines.splice(6, 0, '    use_ipvlan 10.0.0.5/24 bridge');
    expect(where(RULE, lines.join('\n'))).toEqual([]);
    lines[6] = '    use_ipvlan ipvl0 10.0.0.5/24 bridged';
    expect(where(RULE, lines.join('\n'))).toEqual([[7, 'bridged']]);
  });
});
