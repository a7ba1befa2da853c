// Differential test against the real keepalived: what Debian's keepalived 2.2.7 `-t` said about
// each corpus file (manifest.json, sandboxed run) versus what we report on the same lines.
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../grammar/index.js';
import { allRules, lint } from '../../server/src/analysis/index.js';
import { corpusAvailable, isConditional, loadCorpus, type CorpusEntry } from '../helpers/corpus.js';
import { classify, type OracleLine } from './oracle-classes.js';

const corpus = corpusAvailable() ? loadCorpus() : [];
if (!corpusAvailable()) console.log('differential test: ../shared/corpus is absent; corpus checks are not run');

/** Names of vrrp_scripts keepalived removed for host-bound reasons (user or file missing). */
function hostRemovedScripts(messages: string[]): Set<string> {
  const names = new Set<string>();
  for (const m of messages) {
    const removed = /Unable to set default user for vrrp script (\S+) - removing|Disabling track script (\S+) since not found/.exec(m);
    if (removed) names.add(removed[1] ?? removed[2]);
  }
  return names;
}

/**
 * The oracle lines we are held to. keepalived's parent process numbers a last line without a
 * trailing newline one lower than its children do; that duplicate is dropped.
 */
function expectedLines(entry: CorpusEntry & { text: string }): OracleLine[] {
  const messages = [...new Set(entry.oracle_sandboxed.messages)];
  const removed = hostRemovedScripts(messages);
  const lastLine = new LineIndex(entry.text).lineCount;
  const out: OracleLine[] = [];
  for (const message of messages) {
    const line = classify(message);
    if (!line) continue;
    const consequence = /track script (\S+) not found/.exec(line.message);
    if (consequence && removed.has(consequence[1])) continue;
    if (!entry.text.endsWith('\n') && line.line === lastLine - 1 && messages.includes(message.replace(`(Line ${line.line})`, `(Line ${lastLine})`))) continue;
    out.push(line);
  }
  return out;
}

function diagnosticLines(entry: CorpusEntry & { text: string }, dialect: 'keepalived' | 'dpvs') {
  const result = lint({ path: entry.file, text: entry.text, settings: { dialect } });
  const index = new LineIndex(entry.text);
  return result.diagnostics.filter((d) => d.path === entry.file).map((d) => ({ ...d, line: index.positionAt(d.start).line + 1 }));
}

describe.runIf(corpus.length > 0)('agreement with keepalived 2.2.7 -t on the corpus', () => {
  const stock = corpus.filter((e) => e.dialect === 'stock');
  const plain = stock.filter((e) => !isConditional(e.text));

  it('reports every line keepalived -t complains about (recall >= 99%)', () => {
    let expected = 0;
    const misses: string[] = [];
    for (const entry of plain) {
      const lines = new Set(diagnosticLines(entry, 'keepalived').map((d) => d.line));
      for (const oracle of expectedLines(entry)) {
        expected++;
        if (!lines.has(oracle.line)) misses.push(`${entry.file}:${oracle.line} [${oracle.cls}] ${oracle.message}`);
      }
    }
    const recall = (expected - misses.length) / expected;
    console.log(`recall: ${expected - misses.length}/${expected} oracle lines = ${(recall * 100).toFixed(2)}% over ${plain.length} stock files` +
      ` (${stock.length - plain.length} files with @id lines left out: the oracle ran them with one unknown config id)`);
    if (misses.length) console.log(`missed:\n  ${misses.join('\n  ')}`);
    expect(recall).toBeGreaterThanOrEqual(0.99);
  });

  // Rules that mirror what keepalived -t itself checks. The LVS semantic rules exist to find what
  // keepalived never checks, so their findings on accepted files are listed, not counted as false.
  const MIRRORED = new Set(['syntax', 'schema', 'reference', 'vrrp', 'style']);
  const mirrored = (rule: string) => MIRRORED.has(allRules.find((r) => r.meta.id === rule)?.meta.category ?? 'syntax');

  it('gives no error on files keepalived -t accepts', () => {
    const accepted = plain.filter((e) => e.oracle_sandboxed.exit === 0 && expectedLines(e).length === 0);
    const errors = accepted.flatMap((e) => diagnosticLines(e, 'keepalived').filter((d) => d.severity === 'error').map((d) => ({ ...d, where: `${e.file}:${d.line} ${d.rule}: ${d.message}` })));
    const falseErrors = errors.filter((d) => mirrored(d.rule)).map((d) => d.where);
    const beyond = errors.filter((d) => !mirrored(d.rule)).map((d) => d.where);
    console.log(`false errors: ${falseErrors.length} on ${accepted.length} accepted files; errors keepalived -t does not check for: ${beyond.length}`);
    if (beyond.length) console.log(`  ${beyond.join('\n  ')}`);
    expect(falseErrors).toEqual([]);
  });

  // Three blocks of DPVS's tutorial use words no fork's keepalived registers: nb_sock_retry
  // (neither iqiyi/dpvs tools/keepalived at any commit nor the Alibaba-LVS lineage), rule_all and
  // acl_entry (only acl_rule_group/acl_group_name ever existed, in commit 5d81bbb0). keepalived
  // of the fork rejects them, so they stay unknown; every other fork keyword must be known.
  const UNREGISTERED_IN_ANY_FORK = new Set(['nb_sock_retry', 'rule_all', 'acl_entry']);

  it('reads the FNAT configs without unknown-keyword under --dialect dpvs', () => {
    const fnat = corpus.filter((e) => e.dialect !== 'stock');
    const unknown = fnat.flatMap((e) => diagnosticLines(e, 'dpvs').filter((d) => d.rule === 'unknown-keyword').map((d) => ({ ...d, file: e.file, word: e.text.slice(d.start, d.end) })));
    const unexplained = unknown.filter((d) => !UNREGISTERED_IN_ANY_FORK.has(d.word) && !d.message.includes("braces of 'acl_entry'"));
    console.log(`FNAT files: ${fnat.length}; unknown-keyword under dpvs: ${unknown.length}, all for ${[...UNREGISTERED_IN_ANY_FORK].join(', ')} or lines inside acl_entry: ${unexplained.length === 0}`);
    expect(fnat.length).toBeGreaterThan(0);
    expect(unexplained.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([]);
  });

  it('reports fork keywords as dialect-keyword, not unknown-keyword, under the stock dialect', () => {
    const fnat = corpus.filter((e) => e.dialect !== 'stock');
    let dialect = 0;
    const wrong: string[] = [];
    for (const entry of fnat) {
      const forkLines = new Set(diagnosticLines(entry, 'dpvs').map((d) => d.line));
      for (const d of diagnosticLines(entry, 'keepalived')) {
        if (d.rule === 'dialect-keyword') dialect++;
        // An unknown keyword under stock that is fine under dpvs would be a fork keyword misreported.
        if (d.rule === 'unknown-keyword' && !forkLines.has(d.line)) wrong.push(`${entry.file}:${d.line} ${d.message}`);
      }
    }
    console.log(`FNAT files under the stock dialect: ${dialect} dialect-keyword diagnostics, ${wrong.length} fork keywords reported as unknown-keyword`);
    expect(dialect).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });
});
