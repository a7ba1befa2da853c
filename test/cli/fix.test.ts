// applyFixes and fixUntilStable: pure text edits over several files.
import { describe, expect, it } from 'vitest';
import { applyFixes, fixUntilStable } from '../../server/src/analysis/fix.js';
import type { Diagnostic, Fix, TextEdit } from '../../server/src/analysis/types.js';

const edit = (path: string, start: number, end: number, newText: string): TextEdit => ({ path, start, end, newText });

function withFix(fix: Fix, path = fix.edits[0]?.path ?? 'a', start = 0): Diagnostic {
  return { path, start, end: start, rule: 'test-rule', severity: 'warning', message: 'm', fix };
}

describe('applyFixes', () => {
  it('applies non-overlapping edits and leaves every other byte alone', () => {
    const text = 'one\r\n\ttwo  \r\nthree\n';
    const result = applyFixes(new Map([['a', text]]), [
      withFix({ title: 'x', edits: [edit('a', 6, 9, 'TWO')] }),
      withFix({ title: 'y', edits: [edit('a', 0, 3, '1')] }),
    ]);
    expect(result.applied).toBe(2);
    expect(result.texts.get('a')).toBe('1\r\n\tTWO  \r\nthree\n');
    expect([...result.changed]).toEqual(['a']);
  });

  it('skips a fix that overlaps one taken earlier, as a whole', () => {
    const texts = new Map([['a', 'abcdefghij'], ['b', '0123456789']]);
    const result = applyFixes(texts, [
      withFix({ title: 'first', edits: [edit('a', 2, 5, 'X')] }),
      // Overlaps 'first' in a: its edit in b must not be applied either.
      withFix({ title: 'second', edits: [edit('b', 0, 1, 'Z'), edit('a', 4, 6, 'Y')] }),
    ]);
    expect(result.applied).toBe(1);
    expect(result.texts.get('a')).toBe('abXfghij');
    expect(result.texts.get('b')).toBe('0123456789');
  });

  it('treats two insertions at one offset as a collision, touching ranges as fine', () => {
    const texts = new Map([['a', 'abcd']]);
    const inserted = applyFixes(texts, [withFix({ title: '1', edits: [edit('a', 2, 2, 'X')] }), withFix({ title: '2', edits: [edit('a', 2, 2, 'Y')] })]);
    expect(inserted.applied).toBe(1);
    const touching = applyFixes(texts, [withFix({ title: '1', edits: [edit('a', 0, 2, 'X')] }), withFix({ title: '2', edits: [edit('a', 2, 4, 'Y')] })]);
    expect(touching.texts.get('a')).toBe('XY');
  });

  it('edits several files in one fix', () => {
    const texts = new Map([['main', 'include x\n'], ['x', 'lb_kind DR\n']]);
    const result = applyFixes(texts, [withFix({ title: 'both', edits: [edit('x', 0, 7, 'lvs_method'), edit('main', 8, 9, 'y')] })]);
    expect(result.applied).toBe(1);
    expect(Object.fromEntries(result.texts)).toEqual({ main: 'include y\n', x: 'lvs_method DR\n' });
  });

  it('ignores suggestions, no-op fixes, unknown files, bad offsets and refused files', () => {
    const texts = new Map([['a', 'abc'], ['locked', 'xyz']]);
    const suggestionOnly: Diagnostic = { path: 'a', start: 0, end: 1, rule: 'r', severity: 'info', message: 'm', suggestions: [{ title: 's', edits: [edit('a', 0, 1, 'Z')] }] };
    const result = applyFixes(texts, [
      suggestionOnly,
      withFix({ title: 'same', edits: [edit('a', 0, 1, 'a')] }),
      withFix({ title: 'elsewhere', edits: [edit('nope', 0, 0, 'q')] }),
      withFix({ title: 'past the end', edits: [edit('a', 2, 9, 'q')] }),
      withFix({ title: 'locked', edits: [edit('locked', 0, 1, 'X')] }),
    ], { canEdit: (path) => path !== 'locked' });
    expect(result.applied).toBe(0);
    expect(result.changed.size).toBe(0);
    expect(Object.fromEntries(result.texts)).toEqual({ a: 'abc', locked: 'xyz' });
  });

  it('rejects a fix whose own edits overlap', () => {
    const result = applyFixes(new Map([['a', 'abcdef']]), [withFix({ title: 'self', edits: [edit('a', 0, 3, 'X'), edit('a', 2, 4, 'Y')] })]);
    expect(result.applied).toBe(0);
  });
});

/** A toy linter: every 'old' becomes 'new'; an 'AB' pair becomes 'B' then needs another pass. */
function toyLint(source: ReadonlyMap<string, string>) {
  return (texts: ReadonlyMap<string, string>) => {
    const current = new Map(source);
    for (const [path, text] of texts) current.set(path, text);
    const diagnostics: Diagnostic[] = [];
    for (const [path, text] of current) {
      for (const match of text.matchAll(/old|AB/g)) {
        const start = match.index!;
        const newText = match[0] === 'old' ? 'new' : 'B';
        diagnostics.push(withFix({ title: 't', edits: [edit(path, start, start + match[0].length, newText)] }, path, start));
      }
    }
    return { diagnostics, texts: current };
  };
}

describe('fixUntilStable', () => {
  it('re-lints until no fix applies', () => {
    const loop = fixUntilStable(toyLint(new Map([['a', 'AAAB old\r\n'], ['b', 'old']])));
    expect(loop.texts.get('a')).toBe('B new\r\n');
    expect(loop.texts.get('b')).toBe('new');
    expect(loop.passes).toBe(3);
    expect(loop.result.diagnostics).toEqual([]);
    expect([...loop.changed].sort()).toEqual(['a', 'b']);
  });

  it('is idempotent', () => {
    const once = fixUntilStable(toyLint(new Map([['a', 'AB old']])));
    const twice = fixUntilStable(toyLint(once.texts));
    expect(twice.applied).toBe(0);
    expect(twice.changed.size).toBe(0);
    expect(twice.texts.get('a')).toBe(once.texts.get('a'));
  });

  it('stops at maxPasses and on fixes that undo each other', () => {
    const bounded = fixUntilStable(toyLint(new Map([['a', 'AAAAAB']])), { maxPasses: 2 });
    expect(bounded.passes).toBe(2);
    expect(bounded.texts.get('a')).toBe('AAAB');
    let flips = 0;
    const flipFlop = (texts: ReadonlyMap<string, string>) => {
      flips++;
      const text = texts.get('a') ?? 'x';
      return { diagnostics: [withFix({ title: 'flip', edits: [edit('a', 0, 1, text === 'x' ? 'y' : 'x')] })], texts: new Map([['a', text]]) };
    };
    const loop = fixUntilStable(flipFlop, { maxPasses: 50 });
    expect(loop.passes).toBeLessThan(5);
    expect(flips).toBeLessThan(6);
  });

  it('starts from the given texts (an editor buffer or stdin)', () => {
    const loop = fixUntilStable(toyLint(new Map([['a', 'on disk']])), { texts: new Map([['a', 'old buffer']]) });
    expect(loop.texts.get('a')).toBe('new buffer');
    expect([...loop.changed]).toEqual(['a']);
  });
});
