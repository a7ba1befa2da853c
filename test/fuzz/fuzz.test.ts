// Fuzzing in CI: a fixed seed, 400 hostile variants of real configs. parse, lint (stock, DPVS,
// with an in-memory include host) and formatText never throw, no rule crashes, every diagnostic
// lies inside its file, formatted text parses again and formats to itself, and no single call
// takes longer than a hang guard (see harness.ts). The bases are the shared corpus of real
// keepalived.conf files (../shared/corpus); when it is absent this says so and fuzzes the
// built-in samples instead. Longer runs: `npm run fuzz` (bench/fuzz.mjs).
import { describe, expect, it } from 'vitest';
import type { LintResult } from '../../server/src/analysis/index.js';
import type { Diagnostic } from '../../server/src/analysis/types.js';
import { CORPUS_DIR, corpusAvailable, loadCorpus } from '../helpers/corpus.js';
import { callLimitMs, checkInput, DEFAULT_MAX_MS, MS_PER_WORD, realTarget, type FuzzTarget } from './harness.js';
import { applyMutations, generate, HEAVY_MUTATION_NAMES, MAIN_PATH, MUTATION_NAMES, type Base, type FuzzInput } from './mutate.js';
import { describeFailures } from './report.js';
import { SAMPLES } from './samples.js';

const SEED = 20_250_601;
const INPUTS = 400;
const CHUNK = 50;

function fuzzBases(): Base[] {
  if (corpusAvailable()) return loadCorpus().map((entry) => ({ name: entry.file, text: entry.text }));
  console.log(`shared corpus not found at ${CORPUS_DIR}: fuzzing the ${SAMPLES.length} built-in sample configs instead`);
  return SAMPLES;
}

const sample = SAMPLES[0].text;
const clean: FuzzInput = { label: 'clean sample', path: MAIN_PATH, text: sample, files: {} };

/** A fake lint result: just what the checks look at. */
const lintResult = (text: string, diagnostics: Array<Partial<Diagnostic>>, texts = new Map([[MAIN_PATH, text]])) =>
  ({ diagnostics: diagnostics.map((d) => ({ path: MAIN_PATH, start: 0, end: 0, rule: 'x', severity: 'error', message: 'm', ...d })), texts }) as unknown as LintResult;

const checksOf = (target: Partial<FuzzTarget>, input = clean) => checkInput(input, { target: { ...realTarget, ...target } }).failures.map((f) => f.check);

describe('the fuzz checks catch what they look for', () => {
  it('pass the real implementation on a clean config', () => {
    expect(describeFailures(checkInput(clean).failures)).toEqual([]);
  });

  it('report a throwing parse, lint or formatter', () => {
    const boom = () => {
      throw new Error('boom');
    };
    expect(checksOf({ parse: boom })).toContain('parse threw');
    expect(checksOf({ lint: boom })).toEqual(['lint stock threw', 'lint dpvs threw']);
    expect(checksOf({ formatText: boom })).toEqual(['format threw']);
    expect(checksOf({ formatText: () => '\0"{' + sample, parse: (path, text, options) => (text.startsWith('\0"{') ? boom() : realTarget.parse(path, text, options)) })).toContain('parse formatted threw');
  });

  it('report an incremental parse that differs from a full parse, or throws', () => {
    expect(new Set(checksOf({ reparse: (previous) => previous.result }))).toEqual(new Set(['reparse differs']));
    expect(checksOf({ reparse: () => { throw new Error('boom'); } })).toEqual(['reparse threw']);
  });

  it('report diagnostics, related locations and fix edits outside their file, and unknown paths', () => {
    const end = sample.length;
    expect(checksOf({ lint: ({ text }) => lintResult(text, [{ start: 0, end }]) })).toEqual([]);
    expect(checksOf({ lint: ({ text }) => lintResult(text, [{ start: 0, end: end + 1 }]) })).toEqual(['lint stock: out of range', 'lint dpvs: out of range']);
    expect(checksOf({ lint: ({ text }) => lintResult(text, [{ start: -1, end: 0 }]) })).toContain('lint stock: out of range');
    expect(checksOf({ lint: ({ text }) => lintResult(text, [{ start: 5, end: 4 }]) })).toContain('lint stock: out of range');
    expect(checksOf({ lint: ({ text }) => lintResult(text, [{ start: 0.5, end: 1 }]) })).toContain('lint stock: out of range');
    expect(checksOf({ lint: ({ text }) => lintResult(text, [{ path: '/elsewhere.conf' }]) })).toContain('lint stock: out of range');
    expect(checksOf({ lint: ({ text }) => lintResult(text, [{ related: [{ path: MAIN_PATH, start: end, end: end + 3, message: 'r' }] }]) })).toContain('lint stock: out of range');
    expect(checksOf({ lint: ({ text }) => lintResult(text, [{ fix: { title: 'f', edits: [{ path: MAIN_PATH, start: end + 2, end: end + 2, newText: '' }] } }]) })).toContain('lint stock: out of range');
    expect(checksOf({ lint: ({ text }) => lintResult(text, [{ suggestions: [{ title: 's', edits: [{ path: '/x', start: 0, end: 0, newText: '' }] }] }]) })).toContain('lint stock: out of range');
  });

  it('report crashed rules and a missing text of the linted file', () => {
    expect(checksOf({ lint: ({ text }) => lintResult(text, [{ rule: 'internal-error', message: "rule 'r' failed: boom" }]) })).toContain('lint stock: rule crashed');
    expect(checksOf({ lint: ({ text }) => lintResult(text, [], new Map()) })).toContain('lint stock: texts');
  });

  it('report formatting that is not idempotent, unless the input has syntax errors', () => {
    const unstable = (text: string) => `${text}x`;
    expect(checksOf({ formatText: unstable })).toEqual(['format not idempotent']);
    expect(checksOf({ formatText: unstable, lint: ({ text }) => lintResult(text, [{ rule: 'syntax-error' }]) })).toEqual([]);
  });

  it('report formatting that blows the text up', () => {
    const indentBy = (pad: string) => (text: string) => (text.startsWith(pad) ? text : pad + text);
    expect(checksOf({ formatText: indentBy(' '.repeat(4 * 101)) })).toEqual([]);
    expect(checksOf({ formatText: indentBy(' '.repeat(20_000)) })).toEqual(['format output blowup']);
    // One space after each character (`{{{` -> `{ { {`) is within the bound.
    expect(checksOf({ formatText: (text) => text.replace(/[^\n]/g, '$& ') })).not.toContain('format output blowup');
  });

  it('report a call slower than the hang guard', () => {
    let clock = 0;
    const cleanWords = realTarget.parse(clean.path, clean.text).words;
    const slowLint: FuzzTarget['lint'] = (input) => {
      clock += callLimitMs(DEFAULT_MAX_MS, cleanWords) + 1;
      return realTarget.lint(input);
    };
    expect(checksOf({ now: () => clock, lint: slowLint })).toEqual(['hang guard']);
    expect(checkInput(clean, { maxMs: 1e9, target: { ...realTarget, now: () => clock, lint: slowLint } }).failures).toEqual([]);
  });

  it('allow a call time in proportion to the words read, and say so', () => {
    let clock = 0;
    const words = 1_000_000;
    const bigParse: FuzzTarget['parse'] = (path, text, options) => ({ ...realTarget.parse(path, text, options), words });
    const lintTaking = (ms: number): FuzzTarget['lint'] => (input) => {
      clock += ms;
      return realTarget.lint(input);
    };
    let heard: number | undefined;
    const linear = checkInput(clean, { target: { ...realTarget, now: () => clock, parse: bigParse, lint: lintTaking(callLimitMs(DEFAULT_MAX_MS, words) - 1) }, onWords: (n) => (heard = n) });
    expect([linear.failures, linear.words, heard]).toEqual([[], words, words]);
    const over = checkInput(clean, { target: { ...realTarget, now: () => clock, parse: bigParse, lint: lintTaking(callLimitMs(DEFAULT_MAX_MS, words) + 1) } });
    expect(over.failures.map((f) => f.message)).toEqual([expect.stringContaining(`for each of ${words} words`)]);
  });

  it('lint with an include host only when the input can include something', () => {
    expect(Object.keys(checkInput(clean).steps)).not.toContain('lint with includes');
    expect(Object.keys(checkInput({ ...clean, text: `include conf.d/*.conf\n${sample}` }).steps)).toContain('lint with includes');
  });
});

describe('the mutator', () => {
  const bases = SAMPLES;

  it('is deterministic: the same seed and index give the same input', () => {
    for (let i = 0; i < 40; i++) expect(generate(SEED, i, bases)).toEqual(generate(SEED, i, bases));
    const texts = new Set(Array.from({ length: 40 }, (_, i) => generate(SEED, i, bases).text));
    expect(texts.size).toBeGreaterThan(35);
    expect(generate(SEED, 0, bases).label).toMatch(/^run-seed=\d+ index=0 input-seed=\d+ base=sample:\w+ mutations=[\w-]+(,[\w-]+)*$/);
  });

  it('has no mutation that leaves its input alone', () => {
    for (const name of [...MUTATION_NAMES, ...HEAVY_MUTATION_NAMES]) {
      const changed = Array.from({ length: 20 }, (_, seed) => applyMutations(seed, bases[3], [name])).some((m) => m.text !== bases[3].text || Object.keys(m.files).length > 0);
      expect(changed, name).toBe(true);
    }
  });

  it('rebuilds an input from the seed and mutations of its label', () => {
    const input = generate(SEED, 7, bases, { heavyChance: 0 });
    const [, seed, base, names] = /input-seed=(\d+) base=(\S+) mutations=(\S+)/.exec(input.label) ?? [];
    const rebuilt = applyMutations(Number(seed), bases.find((b) => b.name === base)!, names.split(','));
    expect(rebuilt.text).toBe(input.text);
  });
});

describe(`${INPUTS} mutated configs (seed ${SEED})`, () => {
  const bases = fuzzBases();
  // Heavy mutations take seconds each; the special cases cover them in CI, bench/fuzz.mjs mixes them in.
  const inputs = (from: number) => Array.from({ length: CHUNK }, (_, i) => generate(SEED, from + i, bases, { heavyChance: 0 }));

  for (let from = 0; from < INPUTS; from += CHUNK) {
    it(`inputs ${from}..${from + CHUNK - 1}: no throw, no crashed rule, ranges inside the file, stable formatting, no call over ${DEFAULT_MAX_MS} ms + ${MS_PER_WORD * 1000} us per word`, () => {
      const failures = inputs(from).flatMap((input) => checkInput(input).failures);
      expect(describeFailures(failures)).toEqual([]);
    });
  }
});
