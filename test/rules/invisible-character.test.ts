import { describe, expect, it } from 'vitest';
import { applyFixTo, found, where } from '../helpers/lint-text.js';

const RULE = 'invisible-character';

const instance = (priorityLine: string, vip = '10.0.0.100/24') => [
  'vrrp_instance VI_1 {',
  '    state BACKUP',
  '    interface eth0',
  '    virtual_router_id 51',
  priorityLine,
  '    virtual_ipaddress {',
  `        ${vip}`,
  '    }',
  '}',
  '',
].join('\n');

describe(RULE, () => {
  it('reports an ideographic space pasted before a keyword, and removes it', () => {
    const text = instance('    \u3000priority 100');
    const [d, ...rest] = found(RULE, text);
    expect(rest).toEqual([]);
    expect([d.line, d.text, d.severity]).toEqual([5, '\u3000priority', 'error']);
    expect(d.message).toContain('1 invisible character (U+3000 IDEOGRAPHIC SPACE)');
    expect(d.message).toContain("not 'priority'");
    expect(applyFixTo(text, d.diagnostic.fix!)).toBe(instance('    priority 100'));
  });

  it('reports a lone CR that hides a line from keepalived (2.2.7 reads it as a blank), suggesting a line break', () => {
    const text = instance('    priority 100\r    advert_int 5\r\r');
    const [d, ...rest] = found(RULE, text);
    expect(rest).toEqual([]);
    expect([d.line, d.text, d.diagnostic.fix]).toEqual([5, '\r', undefined]);
    expect(d.message).toContain("so 'advert_int 5' is part of this line, not a line of its own");
    expect(applyFixTo(text, d.diagnostic.suggestions![0])).toBe(instance('    priority 100\n    advert_int 5\r\r'));
    // CRs that end a line (CRLF, or before LF) are what keepalived strips.
    expect(where(RULE, instance('    priority 100\r').replace(/\n/g, '\r\n'))).toEqual([]);
  });

  it('reports the lone CRs of a file once', () => {
    const [d, ...rest] = found(RULE, 'global_defs {\r    router_id a\r}\r');
    expect(rest).toEqual([]);
    expect(d.message).toContain("so 'router_id a' is part of this line");
    expect(d.message).toContain('(1 more lone CR in this file)');
    expect(d.diagnostic.suggestions![0].edits).toHaveLength(2);
  });

  it('reports a zero-width space in an address entry and removes it', () => {
    const text = instance('    priority 100', '10.0.0.100/24\u200b');
    const [d] = found(RULE, text);
    expect([d.line, d.text]).toEqual([7, '10.0.0.100/24\u200b']);
    expect(d.message).toContain('U+200B ZERO WIDTH SPACE');
    expect(applyFixTo(text, d.diagnostic.fix!)).toBe(instance('    priority 100'));
  });

  it('reports a byte order mark glued to the first keyword', () => {
    const text = '\ufeffglobal_defs {\n    router_id LB1\n}\n';
    const [d] = found(RULE, text);
    expect([d.line, d.text]).toEqual([1, '\ufeffglobal_defs']);
    expect(d.message).toContain('U+FEFF BYTE ORDER MARK');
    expect(applyFixTo(text, d.diagnostic.fix!)).toBe('global_defs {\n    router_id LB1\n}\n');
  });

  it('reports invisible characters inside a quoted value without offering a fix', () => {
    const text = 'global_defs {\n    enable_script_security\n}\nvrrp_script chk_haproxy {\n    script "/usr/bin/killall\u00a0-0 haproxy"\n}\n';
    const [d] = found(RULE, text);
    expect([d.line, d.text]).toEqual([5, '"/usr/bin/killall\u00a0-0 haproxy"']);
    expect(d.message).toContain('U+00A0 NO-BREAK SPACE');
    expect(d.diagnostic.fix).toBeUndefined();
  });

  it('counts several invisible characters in one word', () => {
    const [d] = found(RULE, instance('    priority 100', '10.0.0.\u200b100/24\u200b'));
    expect(d.message).toContain('contains 2 invisible characters (U+200B ZERO WIDTH SPACE)');
  });

  it('does not report tabs, ordinary spaces, or Unicode spaces in comments', () => {
    expect(where(RULE, instance('\tpriority\t100'))).toEqual([]);
    expect(where(RULE, `# primary\u00a0node\u3000(rack 3)\n${instance('    priority 100   ! raised\u00a0for lb1')}`)).toEqual([]);
  });
});
