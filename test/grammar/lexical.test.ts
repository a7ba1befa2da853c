// keepalived's lexical rules (lib/parser.c): comments, quotes, braces, escapes.
import { describe, expect, it } from 'vitest';
import { parse, type StatementNode } from '../../grammar/index.js';

const statements = (text: string) => parse('/k.conf', text).document.items.filter((i): i is StatementNode => i.type === 'statement');
const words = (text: string) => statements(text).map((s) => s.words.map((w) => w.value));

describe('lexical rules', () => {
  it('starts comments at # and ! anywhere outside quotes, even glued to a word', () => {
    expect(words('priority 100#x\nstate MASTER ! note\n"a#b" c\n')).toEqual([['priority', '100'], ['state', 'MASTER'], ['a#b', 'c']]);
  });

  it('keeps \\# and \\! outside quotes as literal characters', () => {
    expect(words('auth_pass ab\\#cd\\!e\n')).toEqual([['auth_pass', 'ab#cd!e']]);
  });

  it('splits lines at braces outside quotes, wherever they are', () => {
    const [stmt] = statements('virtual_ipaddress { 10.0.0.1/24 }\n');
    expect(stmt.words.map((w) => w.value)).toEqual(['virtual_ipaddress']);
    expect((stmt.block?.items[0] as StatementNode).words.map((w) => w.value)).toEqual(['10.0.0.1/24']);
    expect(words('script "echo { }"\n')).toEqual([['script', 'echo { }']]);
  });

  it('attaches a { on the next line to the statement before it', () => {
    const [stmt] = statements('global_defs\n{\n  router_id A\n}\n');
    expect(stmt.block?.items).toHaveLength(1);
  });

  it('ends a word at a double quote in its middle', () => {
    expect(words('notify abc"def ghi"\n')).toEqual([['notify', 'abc', 'def ghi']]);
  });

  it('reports an unterminated quote with its position', () => {
    const text = 'vrrp_script s {\n  script "/bin/true\n}\n';
    const issue = parse('/k.conf', text).issues.find((i) => i.kind === 'unterminated-quote')!;
    expect(text.slice(issue.span.start, issue.span.end)).toBe('"/bin/true');
  });

  it('reads a lone CR as a blank inside the line, as fgets does: only LF (after any CRs) ends a line', () => {
    expect(words('priority 100\r    advert_int 500\nstate MASTER\r\r\n')).toEqual([['priority', '100', 'advert_int', '500'], ['state', 'MASTER']]);
    expect(words('state BACKUP # note\r priority 1\nnotify "a\rb"\n')).toEqual([['state', 'BACKUP'], ['notify', 'a\rb']]);
  });

  it('keeps exact offsets for every word, with CRLF line ends', () => {
    const text = 'global_defs {\r\n    router_id LVS_1\r\n}\r\n';
    const [stmt] = statements(text);
    const inner = stmt.block!.items[0] as StatementNode;
    expect(inner.words.map((w) => text.slice(w.span.start, w.span.end))).toEqual(['router_id', 'LVS_1']);
    expect(text.slice(stmt.block!.close!.start, stmt.block!.close!.end)).toBe('}');
  });

  it('reports lines longer than 1023 bytes and unbalanced braces', () => {
    const long = `router_id ${'x'.repeat(1100)}\n`;
    expect(parse('/k.conf', long).issues.map((i) => i.kind)).toEqual(['line-too-long']);
    expect(parse('/k.conf', 'a {\n').issues.map((i) => i.kind)).toEqual(['missing-close-brace']);
    expect(parse('/k.conf', '}\n').issues.map((i) => i.kind)).toEqual(['extra-close-brace']);
  });

  it('turns a comment ending in a backslash into a \\ line, as keepalived does', () => {
    expect(words('# commented out \\\nrouter_id A\n')).toEqual([['\\'], ['router_id', 'A']]);
  });
});
