import { describe, expect, it } from 'vitest';
import { applyFixTo, found, where } from '../helpers/lint-text.js';

describe('unknown-keyword', () => {
  it('reports a misspelt keyword with a fix to the close match', () => {
    const text = 'vrrp_instance VI_1 {\n    priorty 100\n}\n';
    const [d] = found('unknown-keyword', text);
    expect([d.line, d.text]).toEqual([2, 'priorty']);
    expect(d.message).toContain("did you mean 'priority'");
    expect(applyFixTo(text, d.diagnostic.fix!)).toBe('vrrp_instance VI_1 {\n    priority 100\n}\n');
  });

  it('explains the cascade of an unknown block and reports the lines keepalived misreads', () => {
    const text = 'vrrp_instance VI_1 {\n    bogus_block {\n        x 1\n    }\n    priority 100\n}\n';
    expect(where('unknown-keyword', text)).toEqual([[2, 'bogus_block'], [3, 'x']]);
    expect(found('unknown-keyword', text)[0].message).toContain("its '}' closes 'vrrp_instance VI_1'");
  });

  it('shortens a long block name that the message of every line in the block repeats (fuzz seed 1304362030 index 86)', () => {
    const name = `"${'x {} '.repeat(2_000)}`;
    const text = `vrrp_script ${name} {\n${'    bogus 1\n'.repeat(500)}}\n`;
    const reports = found('unknown-keyword', text);
    expect(reports).toHaveLength(500);
    // The unterminated quote makes the rest of the line, ` {` included, the name.
    const value = `${name.slice(1)} {`;
    expect(reports[0].message).toContain(`in 'vrrp_script ${value.slice(0, 48)}... (${value.length} characters)'`);
    expect(Math.max(...reports.map((d) => d.message.length))).toBeLessThan(300);
  });

  it('names the version that introduced a keyword the target version lacks', () => {
    const text = 'vrrp_instance VI_1 {\n    no_virtual_ipaddress\n}\n';
    const [d] = found('unknown-keyword', text);
    expect(d.text).toBe('no_virtual_ipaddress');
    expect(d.message).toMatch(/not in keepalived 2\.2\.7|unknown to Debian's keepalived 2\.2\.7/);
  });

  it('does not report known keywords, keywords of other blocks or fork keywords', () => {
    const text = 'global_defs {\n    router_id LVS_1\n    delay_loop 3\n}\nlocal_address_group g {\n    10.0.0.1 eth0\n}\n';
    expect(where('unknown-keyword', text)).toEqual([]);
  });

  it('suggests retry for the DPVS tutorial\'s nb_sock_retry in TCP_CHECK, with a fix, though the names are far apart', () => {
    const realServer = (line: string) => [
      'virtual_server 192.168.100.254 80 {', '    delay_loop 3', '    lb_algo rr', '    lb_kind NAT', '    protocol TCP',
      '    real_server 192.168.100.2 80 {', '        weight 100', '        TCP_CHECK {', `            ${line}`,
      '            connect_timeout 3', '        }', '    }', '}', ''].join('\n');
    const text = realServer('nb_sock_retry 2');
    const [d, ...rest] = found('unknown-keyword', text);
    expect(rest).toEqual([]);
    expect([d.line, d.text]).toEqual([9, 'nb_sock_retry']);
    expect(d.message).toContain("did you mean 'retry'?");
    expect(applyFixTo(text, d.diagnostic.fix!)).toBe(realServer('retry 2'));
    // Only where retry is a keyword: at the top level the name gets no guess.
    expect(found('unknown-keyword', 'nb_sock_retry 2\n')[0].message).not.toContain('did you mean');
  });
});
