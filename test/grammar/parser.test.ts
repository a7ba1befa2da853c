import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/index.js';

const shape = (text: string) => {
  const describeItems = (items: ReturnType<typeof parse>['document']['items']): unknown[] => items.map((item) => {
    if (item.type === 'stray-close') return '}';
    if (item.type === 'block') return { block: describeItems(item.items), closed: item.close !== undefined };
    return item.block ? { [item.words.map((w) => w.value).join(' ')]: describeItems(item.block.items) } : item.words.map((w) => w.value).join(' ');
  });
  return describeItems(parse('t.conf', text).document.items);
};

describe('parser', () => {
  it('keeps statements, anonymous blocks and stray braces in source order', () => {
    expect(shape('{ a }\nc {\n d {\n e\n }\n { f }\n g\n}\n{ h\n}\n}\ni\n}\n{')).toEqual([
      { block: ['a'], closed: true }, { c: [{ d: ['e'] }, { block: ['f'], closed: true }, 'g'] }, { block: ['h'], closed: true }, '}', 'i', '}', { block: [], closed: false },
    ]);
  });

  it('gives a block to the statement right before it, also on the next line, and to nothing after a brace', () => {
    expect(shape('a\n{\n b\n}\nc { d } { e }\n} f {')).toEqual([{ a: ['b'] }, { c: ['d'] }, { block: ['e'], closed: true }, '}', { f: [] }]);
  });

  it('keeps order in a long file', () => {
    const items = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? `k${i} {\n x\n}` : i % 3 === 1 ? `{ y${i} }` : `}`));
    const result = shape(items.join('\n'));
    expect(result).toHaveLength(3000);
    expect(result[2997]).toEqual({ k2997: ['x'] });
    expect(result[2998]).toEqual({ block: ['y2998'], closed: true });
    expect(result[2999]).toBe('}');
  });
});
