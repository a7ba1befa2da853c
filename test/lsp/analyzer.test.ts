// The editor's lint scheduling: a debounce that follows the document's last lint time.
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/analysis/index.js';
import { Analyzer, type Analysis } from '../../server/src/lsp/analyzer.js';
import { memoryFiles } from '../helpers/lint-text.js';

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
    onWorkspaceFile: () => {},
    filesFor: () => memoryFiles({}),
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

describe('Analyzer incremental parse', () => {
  it('reuses the previous parse of a document and reports what a fresh lint reports', async () => {
    const published: Analysis[] = [];
    const a = analyzer(published, {});
    const text = 'global_defs {\n router_id a\n}\nvrrp_instance VI_1 {\n state MASTER\n interface eth0\n virtual_router_id 51\n priority 100\n virtual_ipaddress {\n  10.0.0.1/24\n }\n}\n';
    a.schedule('file:///k.conf', '/k.conf', 1, text, true);
    await settle(0);
    const edited = text.replace('priority 100', 'priority 900').replace('state MASTER', 'stat MASTER');
    a.schedule('file:///k.conf', '/k.conf', 2, edited, true);
    await settle(0);
    const [first, second] = published;
    expect(second.result.parse.document.items[0]).toBe(first.result.parse.document.items[0]);
    const fresh = lint({ path: '/k.conf', text: edited });
    expect(second.result.diagnostics).toEqual(fresh.diagnostics);
    expect(second.result.diagnostics.map((d) => d.rule)).toEqual(expect.arrayContaining(['unknown-keyword', 'invalid-value']));
  });
});

describe('Analyzer dependents', () => {
  it('re-lints the documents that read an edited file, with their newest pending text', async () => {
    const published: Analysis[] = [];
    const main = 'include part.conf\n';
    const files = memoryFiles({ '/part.conf': TEXT });
    const withFiles = new Analyzer({
      maxDebounceMs: 5, settingsFor: async () => ({}), factsFor: () => undefined, onWorkspaceFile: () => {},
      filesFor: () => files, onAnalysis: (analysis) => published.push(analysis),
    });
    withFiles.schedule('file:///main.conf', '/main.conf', 1, main, true);
    withFiles.schedule('file:///other.conf', '/other.conf', 1, TEXT, true);
    await settle(0);
    expect(withFiles.get('file:///main.conf')?.dependencies).toEqual(new Set(['/part.conf']));
    // An edit of main.conf is pending when part.conf changes: the re-lint keeps it.
    withFiles.schedule('file:///main.conf', '/main.conf', 2, `${main}# edited\n`);
    expect(withFiles.relintDependents('/part.conf').map((d) => d.uri)).toEqual(['file:///main.conf']);
    await settle(30);
    expect(published.at(-1)).toMatchObject({ uri: 'file:///main.conf', version: 2, text: `${main}# edited\n` });
    expect(withFiles.relintDependents('/nothing.conf')).toEqual([]);
  });
});
