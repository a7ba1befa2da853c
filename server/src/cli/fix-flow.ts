// --fix and --fix-dry-run: each independent include tree is fixed until stable, or skipped on
// its own (a syntax error before or after its fixes), then the changed files are written
// atomically (--fix only). The notices sum up what was fixed and list what was skipped, and why.
import { LineIndex } from '../../../grammar/source.js';
import { fixUntilStable } from '../analysis/fix.js';
import { writeFileAtomic } from '../node/atomic-write.js';
import type { NodeFileHost } from '../node/file-host.js';
import { isInside, type RootGuard } from '../node/root-guard.js';
import type { AllResults } from '../node/lint-all.js';
import type { LintTarget, TargetResult } from '../node/lint-target.js';
import { INTERNAL_ERROR } from './pseudo-rules.js';

export interface FixInput {
  targets: readonly LintTarget[];
  /** First lint of every target and the workspace rules (before any fix). */
  initial: AllResults;
  /** Lints some targets (and their workspace rules) again with some texts replaced. */
  lint: (targets: readonly LintTarget[], texts: ReadonlyMap<string, string>) => AllResults;
  /** Files fixes may change (the others are linted only for context). */
  mayEdit: (path: string) => boolean;
  host: NodeFileHost;
  /** Texts that are not on disk (stdin). */
  texts: ReadonlyMap<string, string>;
  write: boolean;
  show: (path: string) => string;
  /** Nothing outside it is fixed, even when reading there was allowed. */
  root: RootGuard;
}

export interface FixOutcome {
  /** Texts to report on: fixed texts, minus what could not be written. */
  texts: Map<string, string>;
  /** Files whose text changed (and, with write, were written). */
  changed: Set<string>;
  /** Messages for stderr: when something was skipped, how many files were fixed, then each skipped file and why. */
  notices: string[];
  /** Some file could not be written. */
  writeFailed: boolean;
}

/** Why a fix may not touch a file, if it may not. */
function editBlocker(input: FixInput, path: string): string | undefined {
  const { host, texts, write } = input;
  if (texts.has(path)) return write ? 'it was not read from disk' : undefined;
  if (!isInside(input.root.dir, path)) return `it is outside the lint root ${input.root.dir}`;
  const answer = host.snapshot(path);
  if ('problem' in answer) return answer.problem.message;
  // Decoding replaced invalid bytes; writing the text back would change them.
  if (!answer.snapshot.validUtf8) return 'it is not valid UTF-8';
  return undefined;
}

/**
 * Targets that must be fixed together: those that read a common file (an include shared by
 * two configs) or share a workspace file (pair rules fix one config from another).
 */
export function fixGroups(targets: readonly LintTarget[], results: ReadonlyMap<string, TargetResult>): LintTarget[][] {
  const groupOf = new Map<string, LintTarget[]>();
  const groups = new Set<LintTarget[]>();
  for (const target of targets) {
    const keys = [...(results.get(target.path)?.texts.keys() ?? [target.path]), ...(target.config.workspace ? [`workspace:${target.config.workspace.path}`] : [])];
    const joined = [...new Set(keys.map((k) => groupOf.get(k)).filter((g): g is LintTarget[] => !!g))];
    const group = [target, ...joined.flat()];
    for (const old of joined) groups.delete(old);
    groups.add(group);
    for (const member of group) {
      for (const key of results.get(member.path)?.texts.keys() ?? [member.path]) groupOf.set(key, group);
      if (member.config.workspace) groupOf.set(`workspace:${member.config.workspace.path}`, group);
    }
  }
  return [...groups];
}

/** Where the first syntax error among `results` in `paths` is: "line N of FILE (message)". */
function firstSyntaxError(results: Iterable<TargetResult>, paths: ReadonlySet<string>, show: (path: string) => string): { path: string; where: string } {
  const errors = [...results].flatMap((r) => r.diagnostics.filter((d) => paths.has(d.path) && (d.rule === 'syntax-error' || d.rule === INTERNAL_ERROR)).map((d) => ({ d, text: r.texts.get(d.path) ?? '' })));
  errors.sort((a, b) => (a.d.path < b.d.path ? -1 : a.d.path > b.d.path ? 1 : a.d.start - b.d.start));
  const first = errors[0];
  if (!first) return { path: [...paths].sort()[0], where: `in ${[...paths].map(show).join(', ')}` };
  return { path: first.d.path, where: `at line ${new LineIndex(first.text).positionAt(first.d.start).line + 1} (${first.d.message})` };
}

export function runFixes(input: FixInput): FixOutcome {
  const { host, write, show } = input;
  const texts = new Map(input.texts);
  /** A file's text before any fix: stdin, or what the host first read. */
  const original = (path: string): string | undefined => {
    const given = input.texts.get(path);
    if (given !== undefined) return given;
    const answer = host.snapshot(path);
    return 'problem' in answer ? undefined : answer.snapshot.text;
  };
  const skipped = new Set<string>();
  for (const group of fixGroups(input.targets, input.initial.results)) {
    const first = group.map((t) => input.initial.results.get(t.path)).filter((r): r is TargetResult => !!r);
    const fixable = first.some((r) => r.diagnostics.some((d) => d.fix && input.mayEdit(d.path))) || input.initial.workspaceDiagnostics.some((d) => d.fix && input.mayEdit(d.path) && first.some((r) => r.texts.has(d.path)));
    if (!fixable) continue;
    const names = group.map((t) => show(t.path)).sort().join(', ');
    // Braces and quotes decide how every later line (and included file) is read: no fix is
    // safe in an include tree with a syntax error.
    const broken = new Set(first.flatMap((r) => [...r.syntaxErrorFiles]));
    if (broken.size > 0) {
      const error = firstSyntaxError(first, broken, show);
      const who = group.length === 1 && error.path === group[0].path ? 'it has' : `${show(error.path)} has`;
      skipped.add(`skipped ${names}: ${who} a syntax error ${error.where}; fix it first`);
      continue;
    }
    const loop = fixUntilStable((changed) => input.lint(group, changed), {
      texts,
      canEdit: (path) => {
        if (!input.mayEdit(path)) return false;
        const blocker = editBlocker(input, path);
        if (blocker) skipped.add(`skipped fixes in ${show(path)}: ${blocker}`);
        return !blocker;
      },
    });
    const after = [...loop.result.results.values()];
    const left = new Set(after.flatMap((r) => [...r.syntaxErrorFiles]).filter((path) => loop.changed.has(path)));
    if (left.size > 0) {
      const error = firstSyntaxError(after, left, show);
      skipped.add(`skipped ${names}: its fixes would leave a syntax error in ${show(error.path)} ${error.where}`);
      continue;
    }
    for (const path of loop.changed) texts.set(path, loop.texts.get(path)!);
  }
  const changed = new Set([...texts].filter(([path, text]) => original(path) !== undefined && original(path) !== text).map(([path]) => path));
  let writeFailed = false;
  if (write) {
    for (const path of [...changed].sort()) {
      const answer = host.snapshot(path);
      const outcome = 'problem' in answer ? { written: false as const, reason: answer.problem.message } : writeFileAtomic(path, texts.get(path)!, answer.snapshot, input.root);
      if (outcome.written) continue;
      skipped.add(`did not write ${show(path)}: ${outcome.reason}`);
      writeFailed = true;
      changed.delete(path);
      texts.set(path, original(path)!);
    }
  }
  const notices = skipped.size === 0 ? [] : [`${write ? 'fixed' : 'would fix'} ${changed.size} file${changed.size === 1 ? '' : 's'}; ${skipped.size} skipped:`, ...[...skipped].sort()];
  return { texts, changed, notices, writeFailed };
}
