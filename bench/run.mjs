// `npm run bench`: the CLI as a whole process side by side with `keepalived -t` on the same
// files, alternating runs, medians, ratios and peak memory (GNU time's max RSS); a bare node
// start for the small file; a generated fleet (bench/fleet.mjs) in one run against keepalived -t
// once per config; the language server's edit latency; the pathological inputs. The machine's
// load average is printed before and after: on a shared machine the figures are only as good as it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { writeFleet } from './fleet.mjs';
import { generateConfig } from './generate.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const DIR = join(ROOT, '.bench');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const FLEET_RUNS = Number(process.env.FLEET_RUNS ?? 3);
const FLEET_SIZES = (process.env.FLEET_SIZES ?? '250,500,1000').split(',').map(Number);
const CLI = join(ROOT, 'server', 'out', 'cli.js');
const SMALL = `global_defs {\n    router_id LVS_1\n}\nvrrp_instance VI_1 {\n    state BACKUP\n    interface lo\n    virtual_router_id 51\n    priority 100\n    advert_int 1\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n`
  + generateConfig(1).split('\n').slice(4).join('\n');

/** Wall time from our own clock (GNU time rounds to 10 ms); peak memory from GNU time. */
function timed(argv) {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', ...argv], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const kb = Number(r.stderr.trim().split('\n').pop());
  return { seconds, mb: kb / 1024 };
}

const generatedLines = (file) => readFileSync(file, 'utf8').split('\n').length - 1;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const keepalived = spawnSync('sh', ['-c', 'command -v keepalived'], { encoding: 'utf8' }).stdout.trim();

mkdirSync(DIR, { recursive: true });
if (!existsSync(CLI)) execFileSync('node', [join(ROOT, 'esbuild.mjs')], { stdio: 'inherit' });
const cases = [
  ['typical 40-line file', SMALL],
  ['2,000 virtual servers', generateConfig(2000)],
  ['20,000 virtual servers', generateConfig(20000)],
];

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`${new Date().toISOString()}; ${cpus().length} x ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}`);
console.log(`load average before: ${load()}`);
console.log(`runs per tool: ${RUNS}; keepalived: ${keepalived || 'not installed'}`);
console.log('| file | lines | keepalived-lint (s) | keepalived -t (s) | ratio | lint peak MB | keepalived peak MB |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
let small = NaN;
for (const [name, text] of cases) {
  const file = join(DIR, `${name.replace(/\W+/g, '-')}.conf`);
  writeFileSync(file, text);
  const ours = [];
  const theirs = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(timed(['node', CLI, '--no-config', '--format', 'json', '-o', '/dev/null', file]));
    if (keepalived) theirs.push(timed([keepalived, '-t', '-f', file, '-l', '-D', '-n']));
  }
  const o = median(ours.map((r) => r.seconds));
  const t = theirs.length ? median(theirs.map((r) => r.seconds)) : NaN;
  const om = Math.max(...ours.map((r) => r.mb));
  const tm = theirs.length ? Math.max(...theirs.map((r) => r.mb)) : NaN;
  if (name === cases[0][0]) small = o;
  console.log(`| ${name} | ${text.split('\n').length - 1} | ${o.toFixed(3)} | ${t.toFixed(3)} | ${(o / t).toFixed(2)} | ${om.toFixed(0)} | ${tm.toFixed(0)} |`);
}
const bare = median(Array.from({ length: RUNS }, () => timed(['node', '-e', '']).seconds));
console.log(`bare node start: ${bare.toFixed(3)} s; typical 40-line file / bare node start: ${(small / bare).toFixed(2)}`);

// The fleet: one CLI run over the whole workspace (every host and pair check) against
// keepalived -t once per config file, one process after the other as a deploy check would.
console.log('');
console.log(`fleet (bench/fleet.mjs): ${FLEET_RUNS} runs per tool, medians; keepalived -t once per config file`);
console.log('--cache: a run that writes .keepalived-lint-cache, then runs over the unchanged fleet (medians)');
console.log('| hosts | config lines | keepalived-lint (s) | keepalived -t per file (s) | ratio | lint peak MB | lint s / 100 hosts | --cache 2nd run (s) | --cache s / 100 files |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const hosts of FLEET_SIZES) {
  const dir = join(DIR, `fleet-${hosts}`);
  const files = writeFleet(dir, hosts);
  const lines = files.length * generatedLines(files[0]);
  const ours = [];
  const theirs = [];
  for (let i = 0; i < FLEET_RUNS; i++) {
    ours.push(timed(['node', CLI, '--format', 'json', '-o', '/dev/null', dir]));
    if (keepalived) theirs.push(timed(['sh', '-c', 'for f in "$@"; do "$0" -t -f "$f" -l -D -n >/dev/null 2>&1; done', keepalived, ...files]));
  }
  const o = median(ours.map((r) => r.seconds));
  const t = theirs.length ? median(theirs.map((r) => r.seconds)) : NaN;
  const cachedRun = ['node', CLI, '--cache', '--format', 'json', '-o', '/dev/null', dir];
  timed(cachedRun); // writes the cache
  const cached = median(Array.from({ length: FLEET_RUNS }, () => timed(cachedRun).seconds));
  console.log(`| ${hosts} | ${lines} | ${o.toFixed(2)} | ${t.toFixed(2)} | ${(o / t).toFixed(3)} | ${Math.max(...ours.map((r) => r.mb)).toFixed(0)} | ${((o * 100) / hosts).toFixed(3)} | ${cached.toFixed(2)} | ${((cached * 100) / files.length).toFixed(3)} |`);
}

// The language server: time from a one-character edit to published diagnostics.
console.log('');
spawnSync(process.execPath, [join(ROOT, 'bench', 'lsp-latency.mjs')], { stdio: 'inherit' });

// The pathological inputs of test/security/, timed once each.
console.log('');
spawnSync(process.execPath, [join(ROOT, 'bench', 'pathological.mjs')], { stdio: 'inherit' });

console.log('');
console.log(`load average after: ${load()}`);
