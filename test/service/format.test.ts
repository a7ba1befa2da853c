// The formatter re-indents and splits one-line blocks but never changes what keepalived reads.
import { describe, expect, it } from 'vitest';
import { parse, type ItemNode } from '../../grammar/index.js';
import { formatText } from '../../server/src/analysis/service/format.js';
import { corpusAvailable, loadCorpus } from '../helpers/corpus.js';

/** What keepalived reads: the words of every logical line and the braces, in order. */
function reading(text: string): string[] {
  const out: string[] = [];
  const visit = (items: ItemNode[]) => {
    for (const item of items) {
      if (item.type === 'stray-close') out.push('}');
      else if (item.type === 'block') {
        out.push('{');
        visit(item.items);
        if (item.close) out.push('}');
      } else {
        out.push(item.words.map((w) => `${w.quoted ? '"' : ''}${w.value}`).join(' '));
        if (item.block) visit([item.block]);
      }
    }
  };
  const result = parse('/k.conf', text);
  visit(result.document.items);
  return [...out, ...result.definitions.map((d) => `$${d.name}=${d.value}`), ...result.comments.map((c) => c.text.trim())];
}

describe('formatter', () => {
  it('re-indents, trims and splits one-line blocks', () => {
    const text = 'vrrp_instance VI_1 {\nstate MASTER   # main\n      virtual_ipaddress { 10.0.0.1/24 }\n\n\n  }\n';
    expect(formatText(text)).toBe('vrrp_instance VI_1 {\n    state MASTER # main\n    virtual_ipaddress {\n        10.0.0.1/24\n    }\n\n}\n');
  });

  it('indents by every brace a split line opens, so formatting twice changes nothing (fuzz seed 1303571880 index 1921)', () => {
    const once = formatText('a {\n  b{{{}}}c d\n}\n');
    expect(once).toBe('a {\n    b { { {\n            }\n        }\n    }\n    c d\n}\n');
    expect(formatText(once)).toBe(once);
  });

  it('keeps CRLF line ends and leaves multi-line definitions alone', () => {
    expect(formatText('a {\r\nb 1\r\n}\r\n')).toBe('a {\r\n    b 1\r\n}\r\n');
    const def = '$X=vrrp_script s { \\\n  script /bin/true \\\n}\n';
    expect(formatText(def)).toBe(def);
  });

  it('keeps a lone CR inside a line, where keepalived reads a blank, not a line break', () => {
    const text = 'vrrp_instance VI_1 {\n  priority 100\r    advert_int 500\n}\n';
    expect(formatText(text)).toBe('vrrp_instance VI_1 {\n    priority 100\r    advert_int 500\n}\n');
    expect(reading(formatText(text))).toEqual(reading(text));
  });

  it('formats only the requested lines', () => {
    expect(formatText('a {\nb 1\nc 2\n}\n', { range: { start: 1, end: 1 } })).toBe('a {\n    b 1\nc 2\n}\n');
  });

  it.runIf(corpusAvailable())('never changes what keepalived reads, and is idempotent, on every corpus file', () => {
    const broken: string[] = [];
    for (const entry of loadCorpus()) {
      const once = formatText(entry.text);
      if (JSON.stringify(reading(once)) !== JSON.stringify(reading(entry.text))) broken.push(`${entry.file}: reading changed`);
      else if (formatText(once) !== once) broken.push(`${entry.file}: not idempotent`);
    }
    expect(broken).toEqual([]);
  });
});
