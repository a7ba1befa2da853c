// `node bench/swap-race.mjs [--runs 263]`: the security review's swap races, against the built
// CLI as a separate process (test/security/race.test.ts and fix-race.test.ts run the same
// races in-process, faster and with more attempts). Prints how many runs leaked:
//  - include: an included file swapped between a regular file and a link to a secret outside
//    the root while `keepalived-lint` lints (the review saw the secret in 174 of 263 runs);
//  - fix: the directory of a fixable file swapped for a link to an outside directory holding
//    the same content while `keepalived-lint --fix` rewrites it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'server', 'out', 'cli.js');
const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 263;
const SECRET = 'hunter2secret';

function tree(files) {
  const root = mkdtempSync(join(tmpdir(), 'kl-race-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Starts `script` (run with `args`) in a child process and resolves when it says it is ready. */
async function startSwapper(script, args) {
  const child = spawn(process.execPath, ['-e', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((ready) => child.stdout.once('data', ready));
  return child;
}

const FILE_SWAPPER = `
const { copyFileSync, renameSync, symlinkSync, rmSync } = require('node:fs');
const [path, inside, outside] = process.argv.slice(1);
process.stdout.write('ready\\n');
for (let i = 0; ; i++) {
  const temp = path + '.' + (i % 2) + '.tmp';
  rmSync(temp, { force: true });
  if (i % 2) symlinkSync(outside, temp); else copyFileSync(inside, temp);
  renameSync(temp, path);
}`;

const DIRECTORY_SWAPPER = `
const { renameSync, symlinkSync, unlinkSync } = require('node:fs');
const [path, real, outside] = process.argv.slice(1);
const hold = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.random());
process.stdout.write('ready\\n');
for (;;) {
  renameSync(real, path);
  hold();
  renameSync(path, real);
  symlinkSync(outside, path);
  hold();
  unlinkSync(path);
}`;

const cli = (args, cwd) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

async function includeRace() {
  const secret = join(tree({ 'secret.conf': `global_defs {\n    ${SECRET} yes\n}\n` }), 'secret.conf');
  const root = tree({ 'keepalived.conf': 'include inc.conf\n', 'safe.conf': 'global_defs {\n    router_id lb1\n}\n' });
  const swapper = await startSwapper(FILE_SWAPPER, [join(root, 'inc.conf'), join(root, 'safe.conf'), secret]);
  const seen = { leaked: 0, refused: 0, read: 0 };
  try {
    for (let i = 0; i < RUNS; i++) {
      const run = cli(['-f', 'json', 'keepalived.conf'], root);
      const out = run.stdout + run.stderr;
      if (out.includes(SECRET)) seen.leaked++;
      else if (out.includes('include-outside-root')) seen.refused++;
      else seen.read++;
    }
  } finally {
    swapper.kill();
  }
  console.log(`include swap: ${RUNS} CLI runs, ${seen.leaked} leaked the secret, ${seen.refused} refused the link, ${seen.read} read the regular file`);
  return seen.leaked;
}

async function fixRace() {
  const original = 'virtual_server 10.0.0.10 80 {\n    lb_kind DR\n    real_server 10.0.1.1 80 {\n        weight 1\n    }\n}\n';
  const root = tree({ 'keepalived.conf': 'include sub/lvs.conf\n', '.real/lvs.conf': original });
  const outside = tree({ 'lvs.conf': original });
  const swapper = await startSwapper(DIRECTORY_SWAPPER, [join(root, 'sub'), join(root, '.real'), outside]);
  const seen = { leaked: 0, written: 0, other: 0 };
  try {
    for (let i = 0; i < RUNS; i++) {
      const run = cli(['--fix', 'keepalived.conf'], root);
      if (readFileSync(join(outside, 'lvs.conf'), 'utf8') !== original) {
        seen.leaked++;
        writeFileSync(join(outside, 'lvs.conf'), original);
      } else if (run.status === 0 || /fixed 1 file/.test(run.stderr)) seen.written++;
      else seen.other++;
      // Put the original back inside, whichever name the real directory has right now.
      for (const dir of ['.real', 'sub']) try { writeFileSync(join(root, dir, 'lvs.conf'), original); } catch { /* moved meanwhile */ }
    }
  } finally {
    swapper.kill();
  }
  console.log(`fix directory swap: ${RUNS} CLI --fix runs, ${seen.leaked} wrote outside the root, ${seen.written} fixed the file inside, ${seen.other} refused or found nothing to fix`);
  rmSync(outside, { recursive: true, force: true });
  return seen.leaked;
}

const leaks = (await includeRace()) + (await fixRace());
process.exitCode = leaks === 0 ? 0 : 1;
