import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/index.js';
import { KeepalivedParser } from '../../grammar/parser.js';

const shape = (text: string) => {
  const describeItems = (items: ReturnType<typeof parse>['document']['items']): unknown[] => items.map((item) => {
    if (item.type === 'stray-close') return '}';
    if (item.type === 'block') return { block: describeItems(item.items), closed: item.close !== undefined };
    return item.block ? { [item.words.map((w) => w.value).join(' ')]: describeItems(item.block.items) } : item.words.map((w) => w.value).join(' ');
  });
  return describeItems(parse('t.conf', text).document.items);
};

describe('parser', () => {
  it('passes Chevrotain grammar validation (skipped at run time)', () => {
    expect(() => new KeepalivedParser(true)).not.toThrow();
  });

  it('keeps statements, anonymous blocks and stray braces in source order', () => {
    expect(shape('{ a }\nc {\n d {\n e\n }\n { f }\n g\n}\n{ h\n}\n}\ni\n}\n{')).toEqual([
      { block: ['a'], closed: true }, { c: [{ d: ['e'] }, { block: ['f'], closed: true }, 'g'] }, { block: ['h'], closed: true }, '}', 'i', '}', { block: [], closed: false },
    ]);
  });

  it('keeps order across parser batches of a long file', () => {
    const items = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? `k${i} {\n x\n}` : i % 3 === 1 ? `{ y${i} }` : `}`));
    const result = shape(items.join('\n'));
    expect(result).toHaveLength(3000);
    expect(result[2997]).toEqual({ k2997: ['x'] });
    expect(result[2998]).toEqual({ block: ['y2998'], closed: true });
    expect(result[2999]).toBe('}');
  });
});
