// The editor's lint scheduling: a debounce that follows the document's last lint time.
import { describe, expect, it } from 'vitest';
import { Analyzer, type Analysis } from '../../server/src/lsp/analyzer.js';

/** An analyzer on a fake clock: each lint of a document "takes" lintMs[path] milliseconds. */
function analyzer(published: Analysis[], lintMs: Record<string, number>) {
  let clock = 0;
  return new Analyzer({
    maxDebounceMs: 150,
    now: () => clock,
    settingsFor: async () => ({}),
    // Called once inside every lint: the place to let the fake time pass.
    factsFor: (path) => {
      clock += lintMs[path] ?? 0;
      return undefined;
    },
    workspaceFor: () => undefined,
    onWorkspaceFile: () => {},
    files: { glob: () => ({ paths: [] }), read: (path) => ({ problem: { kind: 'not-found', path, message: 'absent' } }) },
    onAnalysis: (analysis) => published.push(analysis),
  });
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const TEXT = 'global_defs {\n router_id x\n}\n';

describe('Analyzer debounce', () => {
  it('waits the full debounce before a document was ever linted', () => {
    expect(analyzer([], {}).debounceOf('file:///a.conf')).toBe(150);
  });

  it('waits as long as the last lint took, capped, and forgets it with the document', async () => {
    const published: Analysis[] = [];
    const a = analyzer(published, { '/small.conf': 4, '/big.conf': 600 });
    a.schedule('file:///small.conf', '/small.conf', 1, TEXT, true);
    a.schedule('file:///big.conf', '/big.conf', 1, TEXT, true);
    await settle(0);
    expect(published.map((p) => p.uri)).toEqual(['file:///small.conf', 'file:///big.conf']);
    expect(a.debounceOf('file:///small.conf')).toBe(4);
    expect(a.debounceOf('file:///big.conf')).toBe(150);
    a.schedule('file:///small.conf', '/small.conf', 2, TEXT.replace('x', 'y'));
    expect(published.at(-1)?.version).toBe(1);
    await settle(40);
    expect(published.at(-1)).toMatchObject({ uri: 'file:///small.conf', version: 2 });
    a.forget('file:///small.conf');
    expect(a.debounceOf('file:///small.conf')).toBe(150);
  });
});
