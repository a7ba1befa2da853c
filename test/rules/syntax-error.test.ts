import { describe, expect, it } from 'vitest';
import { found, where } from '../helpers/lint-text.js';

const RULE = 'syntax-error';

describe(RULE, () => {
  it('reports a stray closing brace after a complete block', () => {
    const text = 'global_defs {\n    router_id LB1\n}\n}\n';
    const hits = found(RULE, text);
    expect(hits.map((d) => [d.line, d.text])).toContainEqual([4, '}']);
    expect(hits.find((d) => d.line === 4)!.message).toContain("extra '}'");
    expect(hits.every((d) => d.line === 4)).toBe(true);
  });

  it('reports a block whose closing brace is missing, at its opening brace', () => {
    const text = 'global_defs {\n    router_id LB1\n    enable_script_security\n';
    const [d] = found(RULE, text);
    expect([d.line, d.text]).toEqual([1, '{']);
    expect(d.message).toContain('never closed');
  });

  it('reports an unterminated quote', () => {
    const text = 'vrrp_script chk_haproxy {\n    script "/usr/local/bin/check_haproxy\n    interval 2\n}\n';
    expect(where(RULE, text)).toEqual([[2, '"/usr/local/bin/check_haproxy']]);
    expect(found(RULE, text)[0].message).toContain('unterminated quote');
  });

  it("explains a '{' after a keyword that takes no block, and the '}' that then close nothing", () => {
    const text = [
      'vrrp_instance VI_1 {',
      '    state BACKUP',
      '    interface eth0',
      '    virtual_router_id 51',
      '    unicast_src_ip 10.0.0.11 {',
      '        10.0.0.12',
      '    }',
      '    virtual_ipaddress {',
      '        10.0.0.100/24',
      '    }',
      '}',
      '',
    ].join('\n');
    const hits = found(RULE, text);
    expect(hits.map((d) => [d.line, d.text])).toEqual([[5, '{'], [10, '}'], [11, '}']]);
    expect(hits[0].message).toContain("'unicast_src_ip' does not open a block: keepalived ignores this '{'");
    expect(hits[0].message).toContain("'vrrp_instance VI_1'");
    expect(hits[1].message).toContain('closes nothing');
  });

  it("reports a top-level block without '{' and the lines the other keepalived processes misread", () => {
    const text = [
      'global_defs {',
      '    router_id LB1',
      '}',
      'vrrp_instance VI_1',
      '    state BACKUP',
      '    interface eth0',
      '    virtual_router_id 51',
      '}',
      '',
    ].join('\n');
    const hits = found(RULE, text);
    expect(hits[0].line).toBe(4);
    expect(hits[0].text).toBe('vrrp_instance');
    expect(hits[0].message).toContain("no '{' follows");
    const state = hits.find((d) => d.line === 5)!;
    expect(state.text).toBe('state');
    expect(state.message).toContain("processes that skip 'vrrp_instance' read this line at the top level");
    expect(hits.map((d) => d.line)).toEqual(expect.arrayContaining([6, 7]));
  });

  it('reports words after a value-block keyword that keepalived ignores', () => {
    const text = [
      'vrrp_instance VI_1 {',
      '    interface eth0',
      '    virtual_router_id 51',
      '    virtual_ipaddress 10.0.0.100/24 {',
      '        10.0.0.101/24',
      '    }',
      '}',
      '',
    ].join('\n');
    const [d, ...rest] = found(RULE, text);
    expect(rest).toEqual([]);
    expect([d.line, d.text]).toEqual([4, '10.0.0.100/24']);
    expect(d.message).toContain("'virtual_ipaddress' takes its entries inside { }");
  });

  it('reports a line longer than keepalived reads', () => {
    const text = `global_defs {\n    router_id ${'x'.repeat(1100)}\n}\n`;
    const [d] = found(RULE, text);
    expect(d.line).toBe(2);
    expect(d.message).toMatch(/line is \d+ bytes long; keepalived reads at most 1023 bytes/);
  });

  it('ignores braces inside quoted strings and comments', () => {
    const text = [
      'global_defs {',
      '    router_id LB1   # the } of this comment is not a brace',
      '    enable_script_security',
      '}',
      'vrrp_script chk_ready {',
      '    script "/bin/sh -c \'test -f /run/ready || { exit 1; }\'"',
      '    interval 2',
      '}',
      '',
    ].join('\n');
    expect(where(RULE, text)).toEqual([]);
  });
});
