// What the fuzzer checks on every input, shared by test/fuzz/fuzz.test.ts and bench/fuzz.mjs:
// parse, lint (stock, DPVS, with an in-memory include host) and formatText never throw; no rule
// crashes (lint turns a rule's exception into an `internal-error` diagnostic); every diagnostic,
// related location and fix edit lies inside the text of its file; formatted text parses again
// and, when the input has no syntax errors, formatting it again changes nothing; formatting does
// not blow the text up; an edit in the middle parsed incrementally (the editor's path) gives what
// a full parse gives; and no single call takes longer than a hang guard that grows with the words
// read. The functions under test are injectable, so the checks themselves can be tested against
// broken implementations.
import { MAX_BLOCK_DEPTH, parse, reparse, type IncludeHost, type ParseResult } from '../../grammar/index.js';
import { lint, type LintSettings } from '../../server/src/analysis/index.js';
import { formatText } from '../../server/src/analysis/service/format.js';
import type { Diagnostic, Location } from '../../server/src/analysis/types.js';
import { memoryFiles } from '../helpers/lint-text.js';
import { parseEssence } from '../helpers/parse-essence.js';
import type { FuzzInput } from './mutate.js';

export interface FuzzTarget {
  parse: typeof parse;
  reparse: typeof reparse;
  lint: typeof lint;
  formatText: typeof formatText;
  /** Milliseconds, for the hang guard. */
  now: () => number;
}

export const realTarget: FuzzTarget = { parse, reparse, lint, formatText, now: () => performance.now() };

export interface Failure {
  /** The input's label: how to rebuild it. */
  label: string;
  check: string;
  message: string;
}

export interface CheckOutcome {
  failures: Failure[];
  /** Wall time of all steps for this input. */
  ms: number;
  /** The slowest step and its time. */
  slowest: { step: string; ms: number };
  /** Time of each step, by name. */
  steps: Record<string, number>;
  /** Words the input parsed into (0 when the parse threw). */
  words: number;
}

export interface CheckOptions {
  /** Hang guard: a single parse, lint or format call taking longer than this (plus MS_PER_WORD per word read) is a failure. */
  maxMs?: number;
  target?: FuzzTarget;
  /** Hears how many words the input parses into, as soon as it is parsed (the fuzz watchdog widens its deadline by it). */
  onWords?: (words: number) => void;
}

/**
 * A hang guard per call, not a speed test. Most calls take milliseconds; the slowest call on
 * CI's inputs takes about 1.2 s (lint of a corpus file with 88 `@id`s, which it checks as 89
 * variants), so slower CI machines have plenty of room.
 */
export const DEFAULT_MAX_MS = 10_000;

/**
 * What the guard allows per word the parser is handed (replicated and substituted words
 * included), on top of maxMs: a hang is work that grows faster than the input, not a big input.
 * A lint takes 4-5 us per word on multi-megabyte inputs on a quiet 2-core machine (a 6.5 MB
 * file of 2.6 million words: 12.8 s); 20 us leaves room for a loaded CI machine, while work
 * quadratic in the words of such an input would take hours.
 */
export const MS_PER_WORD = 0.02;

/** The hang guard of one call on an input of `words` words. */
export const callLimitMs = (maxMs: number, words: number): number => maxMs + words * MS_PER_WORD;

/**
 * Formatting re-indents lines, splits one-line blocks and puts one space between words and
 * braces (`{{` is two of keepalived's words: `{ {`), so at most one space per input character.
 * The parser ignores braces nested deeper than MAX_BLOCK_DEPTH, so more than that many levels of
 * the default 4-space indentation on a line (plus a line break and ` {`) means the output grows
 * without bound (quadratically).
 */
export function formatSizeLimit(input: string, formatted: string): number {
  // Lines as editors count them: the formatter keeps lone CRs, which keepalived reads as blanks.
  const lines = formatted.split(/\r\n|\r|\n/).length;
  return 2 * input.length + lines * (4 * MAX_BLOCK_DEPTH + 3);
}

const describeError = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}\n${(error.stack ?? '').split('\n').slice(1, 6).join('\n')}` : String(error);

/** Where two strings first differ, for a readable idempotence failure. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const line = a.slice(0, i).split('\n').length;
  return `first difference at offset ${i} (line ${line}): ${JSON.stringify(a.slice(Math.max(0, i - 40), i + 40))} became ${JSON.stringify(b.slice(Math.max(0, i - 40), i + 40))}`;
}

function rangeProblem(location: Location, texts: Map<string, string>): string | undefined {
  const text = texts.get(location.path);
  if (text === undefined) return `path '${location.path}' is not one of the files read (${[...texts.keys()].join(', ')})`;
  const { start, end } = location;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length) {
    return `range ${start}..${end} is outside 0..${text.length} of '${location.path}'`;
  }
  return undefined;
}

/** Range problems of a diagnostic, its related locations and the edits of its fixes. */
export function diagnosticProblems(d: Diagnostic, texts: Map<string, string>): string[] {
  const out: string[] = [];
  const own = rangeProblem(d, texts);
  if (own) out.push(`diagnostic ${d.rule} (${JSON.stringify(d.message)}): ${own}`);
  for (const r of d.related ?? []) {
    const problem = rangeProblem(r, texts);
    if (problem) out.push(`related location of ${d.rule} (${JSON.stringify(r.message)}): ${problem}`);
  }
  for (const fix of [...(d.fix ? [d.fix] : []), ...(d.suggestions ?? [])]) {
    for (const edit of fix.edits) {
      const problem = rangeProblem(edit, texts);
      if (problem) out.push(`edit of fix '${fix.title}' of ${d.rule}: ${problem}`);
    }
  }
  return out;
}

const essence = (result: ParseResult) => JSON.stringify(parseEssence(result));

/** Two edits in the middle of the text: a `}` line (restructures blocks) and a character. */
function checkReparse(input: FuzzInput, parsed: ParseResult, target: FuzzTarget, step: <T>(name: string, run: () => T) => T | undefined, fail: (check: string, message: string) => void): void {
  const at = input.text.length >> 1;
  for (const insert of ['}\n', 'x']) {
    const edited = input.text.slice(0, at) + insert + input.text.slice(at + 1);
    const incremental = step('reparse', () => target.reparse({ text: input.text, result: parsed }, input.path, edited));
    const full = step('parse edited', () => target.parse(input.path, edited));
    if (incremental && full && essence(incremental) !== essence(full)) fail('reparse differs', `inserting ${JSON.stringify(insert)} at offset ${at}: the incremental parse differs from a full parse`);
  }
}

export function checkInput(input: FuzzInput, options: CheckOptions = {}): CheckOutcome {
  const target = options.target ?? realTarget;
  const maxMs = options.maxMs ?? DEFAULT_MAX_MS;
  const failures: Failure[] = [];
  const steps: Record<string, number> = {};
  const fail = (check: string, message: string) => {
    // One failure per check and message is enough to reproduce it.
    if (!failures.some((f) => f.check === check && f.message === message)) failures.push({ label: input.label, check, message });
  };
  const step = <T>(name: string, run: () => T): T | undefined => {
    const started = target.now();
    try {
      return run();
    } catch (error) {
      fail(`${name} threw`, describeError(error));
      return undefined;
    } finally {
      steps[name] = target.now() - started;
    }
  };
  const started = target.now();

  const parsed = step('parse', () => target.parse(input.path, input.text));
  const words = parsed?.words ?? 0;
  options.onWords?.(words);
  if (parsed) checkReparse(input, parsed, target, step, fail);
  const host = memoryFiles({ ...input.files, [input.path]: input.text });
  const variants: Array<{ name: string; settings: Partial<LintSettings>; files?: IncludeHost }> = [
    { name: 'lint stock', settings: {} },
    { name: 'lint dpvs', settings: { dialect: 'dpvs' } },
  ];
  // Without an include directive the host is never asked, and this would repeat the stock lint.
  if (Object.keys(input.files).length > 0 || /include/i.test(input.text)) variants.push({ name: 'lint with includes', settings: {}, files: host });
  let syntaxErrors: boolean | undefined;
  for (const variant of variants) {
    const result = step(variant.name, () => target.lint({ path: input.path, text: input.text, settings: variant.settings, files: variant.files }));
    if (!result) continue;
    if (variant.name === 'lint stock') syntaxErrors = result.diagnostics.some((d) => d.rule === 'syntax-error');
    const mainText = result.texts.get(input.path);
    if (mainText !== input.text) fail(`${variant.name}: texts`, `result.texts has ${mainText === undefined ? 'no' : 'another'} text for the linted file`);
    for (const d of result.diagnostics) {
      if (d.rule === 'internal-error') fail(`${variant.name}: rule crashed`, d.message);
      for (const problem of diagnosticProblems(d, result.texts)) fail(`${variant.name}: out of range`, problem);
    }
  }

  const formatted = step('format', () => target.formatText(input.text));
  if (formatted !== undefined) {
    if (typeof formatted !== 'string') fail('format', `formatText returned ${typeof formatted}`);
    else if (formatted.length > formatSizeLimit(input.text, formatted)) {
      // Re-parsing hundreds of megabytes would only make the run slow; the blowup is the failure.
      fail('format output blowup', `formatText made ${formatted.length} chars of ${input.text.length} (limit ${formatSizeLimit(input.text, formatted)}: ${MAX_BLOCK_DEPTH} levels of indentation per line)`);
    } else {
      step('parse formatted', () => target.parse(input.path, formatted));
      if (syntaxErrors === false) {
        const again = step('format formatted', () => target.formatText(formatted));
        if (typeof again === 'string' && again !== formatted) fail('format not idempotent', firstDifference(formatted, again));
      }
    }
  }

  const ms = target.now() - started;
  const [step0, ms0] = Object.entries(steps).sort((a, b) => b[1] - a[1])[0] ?? ['none', 0];
  const slowest = { step: step0, ms: ms0 };
  const limit = callLimitMs(maxMs, words);
  if (slowest.ms > limit) fail('hang guard', `${slowest.step} took ${slowest.ms.toFixed(0)} ms (limit ${limit.toFixed(0)} ms per call: ${maxMs} ms + ${MS_PER_WORD * 1000} us for each of ${words} words; ${ms.toFixed(0)} ms for all steps)`);
  return { failures, ms, slowest, steps, words };
}
