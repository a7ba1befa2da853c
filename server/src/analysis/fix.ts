// Applying fixes: pure text edits over a set of files, shared by `--fix` and the editor's
// "fix all". A fix is all-or-nothing; a fix that collides with one already taken waits for
// the next pass, when the re-lint reports it again at its new position.
import type { Diagnostic, Fix, TextEdit } from './types.js';

export interface ApplyFixesOptions {
  /** Files a fix may touch; a fix with an edit elsewhere is not applied. All by default. */
  canEdit?: (path: string) => boolean;
}

export interface AppliedFixes {
  /** Every input text, with the accepted edits applied. */
  texts: Map<string, string>;
  /** Fixes applied (fixes that would change nothing are not counted). */
  applied: number;
  /** Paths whose text changed. */
  changed: Set<string>;
  /** The edits taken, in the input texts' offsets (the editor applies these instead of whole texts). */
  edits: TextEdit[];
}

const byPosition = (a: TextEdit, b: TextEdit) =>
  (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start || a.end - b.end);

/**
 * Two edits collide when their ranges overlap, or when they start at the same offset
 * (two insertions there, or an insertion before a replacement, have no agreed order).
 */
function collides(a: TextEdit, b: TextEdit): boolean {
  return a.path === b.path && (a.start === b.start || (a.start < b.end && b.start < a.end));
}

function isValid(edit: TextEdit, texts: ReadonlyMap<string, string>): boolean {
  const text = texts.get(edit.path);
  return text !== undefined && Number.isInteger(edit.start) && Number.isInteger(edit.end) && 0 <= edit.start && edit.start <= edit.end && edit.end <= text.length;
}

const changesSomething = (edit: TextEdit, texts: ReadonlyMap<string, string>) => texts.get(edit.path)!.slice(edit.start, edit.end) !== edit.newText;

/** Where a fix first edits: fixes are taken in document order. */
const firstEdit = (fix: Fix) => [...fix.edits].sort(byPosition)[0];

/** Applies the `fix` of each diagnostic (never `suggestions`) that fits with the others. */
export function applyFixes(texts: ReadonlyMap<string, string>, diagnostics: readonly Diagnostic[], options: ApplyFixesOptions = {}): AppliedFixes {
  const fixes = diagnostics.map((d) => d.fix).filter((f): f is Fix => !!f && f.edits.length > 0);
  fixes.sort((a, b) => byPosition(firstEdit(a), firstEdit(b)));
  const accepted: TextEdit[] = [];
  let applied = 0;
  for (const fix of fixes) {
    const edits = [...fix.edits].sort(byPosition);
    if (!edits.every((e) => isValid(e, texts) && (options.canEdit?.(e.path) ?? true))) continue;
    if (!edits.some((e) => changesSomething(e, texts))) continue;
    if (edits.some((e, i) => edits.slice(i + 1).some((other) => collides(e, other)))) continue;
    if (edits.some((e) => accepted.some((taken) => collides(e, taken)))) continue;
    for (const edit of edits) accepted.push(edit);
    applied++;
  }
  const out = new Map(texts);
  const changed = new Set<string>();
  // Splice from the end of each file so earlier offsets stay valid.
  for (const edit of accepted.sort((a, b) => -byPosition(a, b))) {
    const text = out.get(edit.path)!;
    out.set(edit.path, text.slice(0, edit.start) + edit.newText + text.slice(edit.end));
    changed.add(edit.path);
  }
  for (const path of changed) if (out.get(path) === texts.get(path)) changed.delete(path);
  return { texts: out, applied, changed, edits: accepted };
}

export interface LintOutcome {
  diagnostics: readonly Diagnostic[];
  /** Texts of the files the lint read, by path. */
  texts: ReadonlyMap<string, string>;
}

export interface FixLoopOptions extends ApplyFixesOptions {
  /** Texts to lint instead of what is on disk (e.g. an editor buffer, stdin). */
  texts?: ReadonlyMap<string, string>;
  maxPasses?: number;
}

export interface FixLoopResult<R extends LintOutcome> {
  /** The texts after the last pass: the linted files, their includes, and every fixed file. */
  texts: Map<string, string>;
  /** Paths whose text differs from what the first lint read. */
  changed: Set<string>;
  applied: number;
  passes: number;
  /** The lint of the final texts: what remains to report. */
  result: R;
}

/**
 * Lints, applies fixes, and lints again until no fix applies, at most `maxPasses` times.
 * `lintFn` must read a file from `texts` when it is there, and from its source otherwise.
 */
export function fixUntilStable<R extends LintOutcome>(lintFn: (texts: ReadonlyMap<string, string>) => R, options: FixLoopOptions = {}): FixLoopResult<R> {
  const maxPasses = options.maxPasses ?? 10;
  let texts = new Map(options.texts ?? []);
  let result = lintFn(texts);
  const original = new Map(result.texts);
  for (const [path, text] of texts) if (!original.has(path)) original.set(path, text);
  const seen = new Set<string>();
  let applied = 0;
  let passes = 0;
  while (passes < maxPasses) {
    // Files read for the first time join the set at their current text.
    const current = new Map([...result.texts, ...texts]);
    const pass = applyFixes(current, result.diagnostics, options);
    if (pass.applied === 0 || pass.changed.size === 0) break;
    passes++;
    applied += pass.applied;
    texts = pass.texts;
    // Fixes that undo each other would otherwise run until maxPasses.
    const state = [...texts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([p, t]) => `${p}\u0000${t}`).join('\u0001');
    result = lintFn(texts);
    if (seen.has(state)) break;
    seen.add(state);
  }
  const changed = new Set<string>();
  for (const [path, text] of texts) {
    const before = original.get(path);
    if (before !== undefined && before !== text) changed.add(path);
  }
  for (const [path, text] of result.texts) if (!texts.has(path)) texts.set(path, text);
  return { texts, changed, applied, passes, result };
}
