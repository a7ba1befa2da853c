// --fix and --fix-dry-run: fix each linted file until stable (shared includes carry over
// from one file to the next), then write the changed files atomically (--fix only).
import { fixUntilStable } from '../analysis/fix.js';
import { writeFileAtomic } from '../node/atomic-write.js';
import type { NodeFileHost } from '../node/file-host.js';
import type { AllResults } from './lint-all.js';
import type { LintTarget } from './lint-target.js';

export interface FixInput {
  targets: readonly LintTarget[];
  /** First lint of every target and the workspace rules (before any fix). */
  initial: AllResults;
  /** Lints everything again with some texts replaced. */
  lint: (texts: ReadonlyMap<string, string>) => AllResults;
  host: NodeFileHost;
  /** Texts that are not on disk (stdin). */
  texts: ReadonlyMap<string, string>;
  write: boolean;
  show: (path: string) => string;
}

export interface FixOutcome {
  /** Texts to report on: fixed texts, minus what could not be written. */
  texts: Map<string, string>;
  /** Files whose text changed (and, with write, were written). */
  changed: Set<string>;
  /** Messages for stderr: files skipped or not written. */
  notices: string[];
  /** Some file could not be written. */
  writeFailed: boolean;
}

/** Why a fix may not touch a file, if it may not. */
function editBlocker(host: NodeFileHost, texts: ReadonlyMap<string, string>, path: string, write: boolean): string | undefined {
  if (texts.has(path)) return write ? 'it was not read from disk' : undefined;
  const answer = host.snapshot(path);
  if ('problem' in answer) return answer.problem.message;
  // Decoding replaced invalid bytes; writing the text back would change them.
  if (!answer.snapshot.validUtf8) return 'it is not valid UTF-8';
  return undefined;
}

export function runFixes(input: FixInput): FixOutcome {
  const { host, write, show } = input;
  let texts = new Map(input.texts);
  /** A file's text before any fix: stdin, or what the host first read. */
  const original = (path: string): string | undefined => {
    const given = input.texts.get(path);
    if (given !== undefined) return given;
    const answer = host.snapshot(path);
    return 'problem' in answer ? undefined : answer.snapshot.text;
  };
  const notices = new Set<string>();
  // Braces and quotes decide how every later line (and included file) is read: no fix is safe
  // in a file that is linted together with a file that has syntax errors.
  const blocked = new Set<string>();
  for (const target of input.targets) {
    const first = input.initial.results.get(target.path);
    if (!first || first.syntaxErrorFiles.size === 0) continue;
    for (const path of first.texts.keys()) blocked.add(path);
    if (!first.diagnostics.some((d) => d.fix)) continue;
    const files = [...first.syntaxErrorFiles].sort();
    const which = files.length === 1 && files[0] === target.path ? 'it has' : `${files.map(show).join(', ')} ${files.length === 1 ? 'has' : 'have'}`;
    notices.add(`skipped ${show(target.path)}: ${which} syntax errors; fix them first`);
  }
  if (input.initial.diagnostics.some((d) => d.fix)) {
    const loop = fixUntilStable(input.lint, {
      texts,
      canEdit: (path) => {
        if (blocked.has(path)) return false;
        const blocker = editBlocker(host, input.texts, path, write);
        if (blocker) notices.add(`skipped fixes in ${show(path)}: ${blocker}`);
        return !blocker;
      },
    });
    const broken = [...loop.result.results.values()].flatMap((r) => [...r.syntaxErrorFiles]).filter((path) => loop.changed.has(path));
    if (broken.length > 0) notices.add(`skipped all fixes: they would leave syntax errors in ${[...new Set(broken)].map(show).join(', ')}`);
    else texts = loop.texts;
  }
  const changed = new Set([...texts].filter(([path, text]) => original(path) !== undefined && original(path) !== text).map(([path]) => path));
  let writeFailed = false;
  if (write) {
    for (const path of [...changed].sort()) {
      const answer = host.snapshot(path);
      const outcome = 'problem' in answer ? { written: false as const, reason: answer.problem.message } : writeFileAtomic(path, texts.get(path)!, answer.snapshot);
      if (outcome.written) continue;
      notices.add(`did not write ${show(path)}: ${outcome.reason}`);
      writeFailed = true;
      changed.delete(path);
      texts.set(path, original(path)!);
    }
  }
  return { texts, changed, notices: [...notices], writeFailed };
}
