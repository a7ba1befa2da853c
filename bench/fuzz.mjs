// `npm run fuzz`: a longer fuzzing run than CI's test/fuzz/*.test.ts, with the same mutator
// (test/fuzz/mutate.ts) and checks (test/fuzz/harness.ts), bundled with esbuild into a temp file.
// Inputs run in a worker thread watched by a watchdog, so a hang is reported (and the run goes
// on with the next input) instead of freezing the script. Bases are the shared corpus
// (../shared/corpus, or $KEEPALIVED_LINT_CORPUS) when present, the built-in samples otherwise.
// Unlike CI, heavy mutations (100k-line ~SEQ, 10,000-deep nesting, self-referential definitions,
// many `@id`s, include fan-out) are mixed in, and the default hang guard is tighter. Before
// fuzzing it prints how long each hostile glob (test/fuzz/hostile-globs.ts) takes on this machine.
// The last tenth of the time goes to the trust-boundary classes (test/fuzz/trust-trees.ts): real
// trees with nested workspace files and symbolic links, linted by the CLI, checked for leaks.
// After the configs, random JSON-RPC streams (frames nested too deep, headers given twice, random
// chunking) go through the language server's stdin re-framer for a tenth of the time (RPC class).
//
//   node bench/fuzz.mjs [--seconds 60] [--seed N] [--max-ms 5000] [--heavy 0.04] [--specials] [--out DIR]
//   node bench/fuzz.mjs --seed N --index I      check random input I of seed N again, write it to DIR
//   node bench/fuzz.mjs --special NAME          check one hand-written case again, write it to DIR
//   node bench/fuzz.mjs --seed N --trust-index I   check trust-boundary tree I of seed N again
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);

/** The hand-written cases: CI's and the bigger ones only this script runs. */
const specialInputs = (fuzz) => [...fuzz.specialCases(fuzz.SAMPLES[0].text), ...fuzz.bigSpecialCases()];

/**
 * Input `k` of a run: with --specials the hand-written cases come first; then random input
 * `k - specials` of the seed. Returns the input and the arguments that check it again.
 */
function inputAt(fuzz, run, k) {
  if (k < run.specials.length) {
    const input = run.specials[k];
    return { input, repro: `--special ${input.label.replace(/^special=/, '')}` };
  }
  const index = k - run.specials.length;
  const input = fuzz.generate(run.seed, index, run.bases, { heavyChance: run.heavy });
  return { input, repro: `--seed ${run.seed} --index ${index}${run.heavy !== 0.04 ? ` --heavy ${run.heavy}` : ''}` };
}

function parseArgs(argv) {
  const args = { seconds: 60, seed: undefined, index: undefined, trustIndex: undefined, special: undefined, specials: false, maxMs: 5000, heavy: 0.04, out: undefined };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--seconds') args.seconds = Number(value());
    else if (flag === '--seed') args.seed = Number(value()) >>> 0;
    else if (flag === '--index') args.index = Number(value());
    else if (flag === '--special') args.special = value();
    else if (flag === '--trust-index') args.trustIndex = Number(value());
    else if (flag === '--specials') args.specials = true;
    else if (flag === '--max-ms') args.maxMs = Number(value());
    else if (flag === '--heavy') args.heavy = Number(value());
    else if (flag === '--out') args.out = value();
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: node bench/fuzz.mjs [--seconds N] [--seed N] [--max-ms MS] [--heavy P] [--specials] [--out DIR]\n       node bench/fuzz.mjs --seed N --index I | --special NAME | --trust-index I');
      process.exit(0);
    } else throw new Error(`unknown argument '${flag}'`);
  }
  if (!(args.seconds > 0)) throw new Error('--seconds must be a positive number');
  if (!(args.maxMs > 0)) throw new Error('--max-ms must be a positive number');
  if (!(args.heavy >= 0 && args.heavy <= 1)) throw new Error('--heavy must be between 0 and 1');
  return args;
}

function loadBases(root, samples) {
  const dir = resolve(process.env.KEEPALIVED_LINT_CORPUS ?? join(root, '..', 'shared', 'corpus'));
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) return { bases: samples, from: `the ${samples.length} built-in samples (no corpus at ${dir})` };
  const entries = JSON.parse(readFileSync(manifest, 'utf8'));
  return { bases: entries.map((e) => ({ name: e.file, text: readFileSync(join(dir, e.file), 'utf8') })), from: `${entries.length} corpus files in ${dir}` };
}

/** Writes an input (and the files of its include host) where it can be looked at. */
function saveInput(outDir, input) {
  mkdirSync(outDir, { recursive: true });
  const name = input.label.replace(/^run-seed=\d+ /, '').replace(/ input-seed.*$/, '').replace(/[^\w.-]+/g, '-');
  const file = join(outDir, `${name}.conf`);
  writeFileSync(file, input.text);
  if (Object.keys(input.files).length > 0) writeFileSync(join(outDir, `${name}.files.json`), JSON.stringify(input.files, null, 1));
  return file;
}

const roundSteps = (steps) => JSON.stringify(Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, Math.round(v)])));

/** The trust-boundary classes until the deadline (at least one tree); returns how many failed. */
async function fuzzTrust(fuzz, seed, deadline) {
  const started = Date.now();
  let checked = 0;
  let failed = 0;
  do {
    const input = fuzz.generateTrustCase(seed, checked);
    const problems = await fuzz.checkTrustCase(input);
    if (problems.length > 0) {
      failed++;
      if (failed <= 5) console.log(`FAIL trust boundary: ${problems.join('; ')}\n  reproduce: node bench/fuzz.mjs --seed ${seed} --trust-index ${checked}`);
      process.exitCode = 1;
    }
    checked++;
  } while (Date.now() < deadline);
  console.log(`trust-boundary trees (nested workspace files, symbolic links): ${checked} in ${((Date.now() - started) / 1000).toFixed(1)} s, ${failed} failed`);
  return failed;
}

/** The RPC class: random hostile frame streams through the re-framer, for `seconds`. */
async function fuzzRpc(fuzz, seed, seconds) {
  const until = Date.now() + seconds * 1000;
  const result = { checked: 0, frames: 0, bytes: 0, failed: [] };
  for (let index = 0; Date.now() < until; index++) {
    const outcome = await fuzz.checkRpcStream(seed, index);
    result.checked++;
    result.frames += outcome.frames;
    result.bytes += outcome.bytes;
    if (outcome.failures.length > 0 && result.failed.length < 5) result.failed.push(`stream ${index}: ${outcome.failures.join(', ')}`);
  }
  return result;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const bundle = join(tmpdir(), `kl-fuzz-${process.pid}.cjs`);
  await build({
    stdin: {
      contents: "export * from './test/fuzz/harness.ts';\nexport * from './test/fuzz/mutate.ts';\nexport * from './test/fuzz/special-cases.ts';\nexport * from './test/fuzz/trust-trees.ts';\nexport { SAMPLES } from './test/fuzz/samples.ts';\nexport * from './test/fuzz/rpc-frames.ts';\nexport { timeHostileGlobs } from './test/fuzz/hostile-globs.ts';\n",
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'fuzz-entry.ts',
    },
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: bundle, sourcemap: 'inline', logLevel: 'error',
  });
  process.on('exit', () => rmSync(bundle, { force: true }));
  process.setSourceMapsEnabled(true);
  const fuzz = require(bundle);
  const { bases, from } = loadBases(root, fuzz.SAMPLES);
  const seed = args.seed ?? (Date.now() >>> 0);
  const outDir = args.out ?? join(tmpdir(), `kl-fuzz-${seed}`);

  if (args.trustIndex !== undefined) {
    if (args.seed === undefined) throw new Error('--trust-index needs the --seed of its run');
    const input = fuzz.generateTrustCase(seed, args.trustIndex);
    console.log(`${input.label}\n${JSON.stringify(input, null, 1)}`);
    const problems = await fuzz.checkTrustCase(input);
    for (const problem of problems) console.log(`FAIL trust boundary: ${problem}`);
    process.exit(problems.length > 0 ? 1 : 0);
  }

  if (args.index !== undefined || args.special !== undefined) {
    // Check one input again, in this thread.
    let input;
    if (args.special !== undefined) {
      input = specialInputs(fuzz).find((c) => c.label === `special=${args.special}`);
      if (!input) throw new Error(`no special case '${args.special}'; there are: ${specialInputs(fuzz).map((c) => c.label.slice(8)).join(', ')}`);
    } else {
      if (args.seed === undefined) throw new Error('--index needs the --seed of its run');
      input = fuzz.generate(seed, args.index, bases, { heavyChance: args.heavy });
    }
    const file = saveInput(outDir, input);
    const outcome = fuzz.checkInput(input, { maxMs: args.maxMs });
    console.log(`${input.label}\ninput written to ${file} (${input.text.length} chars, ${outcome.words} words)\ntook ${outcome.ms.toFixed(1)} ms: ${roundSteps(outcome.steps)}`);
    for (const f of outcome.failures) console.log(`FAIL ${f.check}: ${f.message}`);
    process.exit(outcome.failures.length > 0 ? 1 : 0);
  }

  // Printed, not asserted: the tests only guard these with generous "finishes" limits.
  console.log('hostile globs: expanded with the lint root | with no root (10,000-directory cap) | as a configs: glob on a long path');
  for (const row of fuzz.timeHostileGlobs()) console.log(`  ${row.name}: ${row.rooted} | ${row.unrooted} | ${row.configs}`);
  const run = { seed, bases, heavy: args.heavy, specials: args.specials };
  console.log(`fuzzing for ${args.seconds} s with seed ${seed}${args.specials ? ', hand-written cases first' : ''}; bases: ${from}; heavy mutations: ${args.heavy}; hang guard ${args.maxMs} ms + ${fuzz.MS_PER_WORD * 1000} us per word per call; node ${process.version}`);
  const started = Date.now();
  // Inputs get 80% of the time (the input under way at the deadline is finished, within its hang
  // guard), then the RPC streams and the trust-boundary trees 10% each.
  const deadline = started + args.seconds * 800;
  /**
   * Without a 'done' this long after 'start', the worker is considered hung and replaced; once
   * the input is parsed, the time allowed grows with its words as each call's guard does (an
   * input takes up to 11 calls).
   */
  const hangMs = Math.max(args.maxMs * 10, 30_000);
  const hangMsFor = (words) => Math.max(hangMs, 12 * fuzz.callLimitMs(args.maxMs, words));
  const failures = new Map();
  let checked = 0;
  let busyMs = 0;
  let slowest = { ms: 0, label: '', repro: '' };
  /** The highest time per word of a call, among inputs big enough for the rate to mean something. */
  let costliest = { usPerWord: 0, words: 0, step: '', repro: '' };
  let next = 0;
  let hangs = 0;

  /** Failures of one input, grouped with earlier ones by their message (numbers and paths aside). */
  const record = (list, repro, k) => {
    const seen = new Set();
    for (const failure of list) {
      const key = failure.message.split('\n').slice(0, 2).join('\n').replace(/\(?[^\s()]*:\d+:\d+\)?/g, '').replace(/\d+/g, '#');
      const entry = failures.get(key);
      if (!entry) failures.set(key, { ...failure, checks: new Set([failure.check]), repro, k, count: 1, others: [] });
      else {
        entry.checks.add(failure.check);
        if (!seen.has(key)) {
          entry.count++;
          if (entry.others.length < 3) entry.others.push(repro);
        }
      }
      seen.add(key);
    }
  };

  while (Date.now() < deadline) {
    // One worker until the deadline or a hang; after a hang a new one goes on after the hung input.
    const hung = await new Promise((resolvePromise) => {
      const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { bundle, run, from: next, maxMs: args.maxMs } });
      let current = { k: next, label: `input ${next}`, repro: '', since: Date.now(), allowedMs: hangMs, busy: false };
      let settled = false;
      const finish = (value) => {
        if (settled) return;
        settled = true;
        clearInterval(timer);
        void worker.terminate();
        resolvePromise(value);
      };
      worker.on('message', (m) => {
        if (m.type === 'start') {
          // No new input after the deadline (the worker begins the next one as soon as it reports the last).
          if (Date.now() >= deadline) finish(false);
          else current = { k: m.k, label: `input ${m.k}`, repro: '', since: Date.now(), allowedMs: hangMs, busy: true };
        }
        else if (m.type === 'input') Object.assign(current, { label: m.label, repro: m.repro });
        else if (m.type === 'words') current.allowedMs = hangMsFor(m.words);
        else if (m.type === 'done') {
          current.busy = false;
          checked++;
          busyMs += m.ms;
          next = m.k + 1;
          if (m.ms > slowest.ms) slowest = { ms: m.ms, label: m.label, repro: m.repro, length: m.length, step: m.slowest, words: m.words };
          const usPerWord = (m.slowest.ms * 1000) / m.words;
          if (m.words >= 10_000 && usPerWord > costliest.usPerWord) costliest = { usPerWord, words: m.words, step: m.slowest.step, repro: m.repro };
          record(m.failures, m.repro, m.k);
        }
      });
      worker.on('error', (error) => {
        // An uncaught error or running out of memory kills the worker: that input is a failure.
        record([{ label: current.label, check: 'worker died', message: String(error?.stack ?? error) }], current.repro, current.k);
        next = current.k + 1;
        finish(false);
      });
      const timer = setInterval(() => {
        if (current.busy && Date.now() - current.since > current.allowedMs) {
          record([{ label: current.label, check: 'hang', message: `no result after ${current.allowedMs} ms` }], current.repro, current.k);
          next = current.k + 1;
          finish(true);
        } else if (!current.busy && Date.now() >= deadline) finish(false);
      }, 100);
    });
    if (hung) hangs++;
  }

  const rpc = await fuzzRpc(fuzz, seed, Math.max(1, args.seconds / 10));
  const seconds = (Date.now() - started) / 1000;
  console.log(`RPC streams checked: ${rpc.checked} (${rpc.frames} valid frames, ${(rpc.bytes / 1e6).toFixed(1)} MB), failures: ${rpc.failed.length === 0 ? 'none' : rpc.failed.join('; ')}`);
  if (rpc.failed.length > 0) process.exitCode = 1;
  console.log(`inputs checked: ${checked} in ${seconds.toFixed(1)} s: ${(checked / seconds).toFixed(1)} inputs/s (${(busyMs / Math.max(1, checked)).toFixed(1)} ms per input on average)`);
  if (checked > 0) console.log(`slowest input: ${slowest.ms.toFixed(0)} ms (slowest call: ${slowest.step.step} ${slowest.step.ms.toFixed(0)} ms; ${slowest.length} chars, ${slowest.words} words): ${slowest.label}\n  reproduce: node bench/fuzz.mjs ${slowest.repro}`);
  if (costliest.words > 0) console.log(`highest cost per word (inputs of 10,000 words or more): ${costliest.usPerWord.toFixed(1)} us per word (${costliest.step} of ${costliest.words} words); the guard allows ${fuzz.MS_PER_WORD * 1000} us\n  reproduce: node bench/fuzz.mjs ${costliest.repro}`);
  if (hangs > 0) console.log(`hung workers replaced: ${hangs}`);
  const trust = await fuzzTrust(fuzz, seed, Date.now() + args.seconds * 100);
  if (failures.size === 0 && trust === 0) {
    console.log('failures: none');
    return;
  }
  if (failures.size === 0) return;
  console.log(`failures: ${failures.size} distinct`);
  const full = { ...run, specials: args.specials ? specialInputs(fuzz) : [] };
  for (const f of failures.values()) {
    console.log(`\nFAIL ${[...f.checks].join(', ')} (${f.count} input${f.count === 1 ? '' : 's'}), first: ${f.label}`);
    console.log(`  ${f.message.split('\n').slice(0, 6).join('\n  ')}`);
    console.log(`  input: ${saveInput(outDir, inputAt(fuzz, full, f.k).input)}\n  reproduce: node bench/fuzz.mjs ${f.repro}`);
    for (const repro of f.others) console.log(`  also: node bench/fuzz.mjs ${repro}`);
  }
  process.exitCode = 1;
}

if (!isMainThread) {
  // Worker: check inputs from, from+1, ... until terminated; say which one starts before running it.
  const { bundle, run, from, maxMs } = workerData;
  process.setSourceMapsEnabled(true);
  const fuzz = require(bundle);
  const full = { ...run, specials: run.specials ? specialInputs(fuzz) : [] };
  for (let k = from; ; k++) {
    parentPort.postMessage({ type: 'start', k });
    const { input, repro } = inputAt(fuzz, full, k);
    parentPort.postMessage({ type: 'input', k, label: input.label, repro });
    const outcome = fuzz.checkInput(input, { maxMs, onWords: (words) => parentPort.postMessage({ type: 'words', k, words }) });
    parentPort.postMessage({ type: 'done', k, label: input.label, repro, ms: outcome.ms, slowest: outcome.slowest, failures: outcome.failures, length: input.text.length, words: outcome.words });
  }
} else {
  await main();
}
