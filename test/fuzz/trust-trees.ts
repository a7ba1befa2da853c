// Fuzz classes for the trust boundary, shared by test/fuzz/trust.test.ts and bench/fuzz.mjs:
// random trees on disk with nested keepalived-lint.yaml files (asking for include_outside_root,
// or linked outside the root) and symbolic links (linted files, included files, directories and
// workspace files that lead outside, loops), with includes that climb out or name a secret by
// absolute path, glob or /proc/self/environ. Each tree is linted (or fixed) by the CLI in this
// process. Checks: no secret reaches any output, nothing outside the root changes, and the run
// ends with a report or a clear message (exit 0, 1 or 2, no internal error).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from '../../server/src/cli/run.js';
import { chance, inputSeed, int, mulberry32, pick, type Rng } from './random.js';

export const TRUST_SECRET = 'hunter2secret';
export const TRUST_ENV_TOKEN = 'KL_FUZZ_FAKE_TOKEN_5ecr3t';
const OUTSIDE_CONFIG = `global_defs {\n    ${TRUST_SECRET} yes\n}\nvirtual_server 10.0.0.1 80 {\n    real_server 10.0.1.1 80 {\n        HTTP_GET {\n            nb_get_retry 3\n        }\n    }\n}\n`;
const INSIDE_CONFIG = 'vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        10.0.0.10/24\n    }\n}\n';

export interface TrustCase {
  label: string;
  /** Files of the tree under review, by path relative to its root. */
  files: Record<string, string>;
  /** Symbolic links [target, path]; targets may name $OUTSIDE (the secret directory). */
  links: Array<[string, string]>;
  args: string[];
}

const DIRS = ['', 'keepalived', 'keepalived/conf.d', 'hosts/lb1', 'snippets'];

function includeTarget(rng: Rng, dir: string): string {
  return pick(rng, [
    `${'../'.repeat(int(rng, 1, 4))}outside/secret.conf`,
    '$OUTSIDE/secret.conf',
    '$OUTSIDE/*.conf',
    '/proc/self/environ',
    'link.conf',
    'linkdir/*.conf',
    'loop.conf',
    `${dir ? '../'.repeat(dir.split('/').length) : ''}snippets/*.conf`,
  ]);
}

/** Trust case `index` of run `seed`: deterministic. */
export function generateTrustCase(seed: number, index: number): TrustCase {
  const rng = mulberry32(inputSeed(seed, index));
  const files: Record<string, string> = { 'snippets/inside.conf': INSIDE_CONFIG };
  const links: Array<[string, string]> = [];
  if (chance(rng, 0.5)) files['keepalived-lint.yaml'] = `version: 1\n${chance(rng, 0.3) ? 'include_outside_root: false\n' : ''}`;
  for (let i = int(rng, 1, 2); i > 0; i--) {
    const dir = pick(rng, DIRS.slice(1));
    const yaml = join(dir, 'keepalived-lint.yaml');
    if (chance(rng, 0.7)) files[yaml] = 'version: 1\ninclude_outside_root: true\n';
    else links.push([pick(rng, ['$OUTSIDE/secret.conf', '/proc/self/environ']), yaml]);
  }
  for (let i = int(rng, 1, 3); i > 0; i--) {
    const dir = pick(rng, DIRS);
    const includes = Array.from({ length: int(rng, 1, 3) }, () => `include ${includeTarget(rng, dir)}\n`).join('');
    files[join(dir, 'keepalived.conf')] = includes + OUTSIDE_CONFIG.replace(TRUST_SECRET, 'router_id lb1');
    if (chance(rng, 0.5)) links.push(['$OUTSIDE/secret.conf', join(dir, 'link.conf')]);
    if (chance(rng, 0.3)) links.push(['$OUTSIDE', join(dir, 'linkdir')]);
    if (chance(rng, 0.2)) links.push(['loop.conf', join(dir, 'loop.conf')]);
  }
  if (chance(rng, 0.2)) links.push(['$OUTSIDE/secret.conf', join(pick(rng, DIRS.slice(1)), 'keepalived.conf')]);
  const named = Object.keys(files).filter((p) => p.endsWith('keepalived.conf'));
  const args = [...pick(rng, [[], ['--fix'], ['--fix-dry-run'], ['-f', 'json']]), ...(chance(rng, 0.5) ? [] : [pick(rng, [...named, '.', 'keepalived'])])];
  return { label: `trust seed=${seed} index=${index}`, files, links: links.filter(([, path], i) => links.findIndex(([, p]) => p === path) === i && !(path in files)), args };
}

/** Every file below `dir`, with its content (links listed by target, not followed). */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.set(join(entry.parentPath ?? entry.path, entry.name), readFileSync(join(entry.parentPath ?? entry.path, entry.name), 'utf8'));
  }
  return out;
}

/** Builds the tree, lints it, and returns what went wrong (empty when nothing did). */
export async function checkTrustCase(input: TrustCase): Promise<string[]> {
  const base = mkdtempSync(join(tmpdir(), 'kl-trust-'));
  const outside = join(base, 'outside');
  const root = join(base, 'repo');
  const previousToken = process.env.KL_FUZZ_FAKE_TOKEN;
  process.env.KL_FUZZ_FAKE_TOKEN = TRUST_ENV_TOKEN;
  try {
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, 'secret.conf'), OUTSIDE_CONFIG);
    for (const [path, text] of Object.entries(input.files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    for (const [target, path] of input.links) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      symlinkSync(target.replace('$OUTSIDE', outside), join(root, path));
    }
    const before = snapshot(outside);
    let output = '';
    const io = { cwd: root, env: {}, stdoutIsTTY: false, readStdin: async () => '', stdout: (t: string) => void (output += t), stderr: (t: string) => void (output += t) };
    const args = input.args.map((a) => a.replace('$OUTSIDE', outside));
    const code = await run(args, io);
    const problems: string[] = [];
    for (const secret of [TRUST_SECRET, TRUST_ENV_TOKEN]) if (output.includes(secret)) problems.push(`the output holds the secret ${secret}`);
    const after = snapshot(outside);
    if ([...before].some(([path, text]) => after.get(path) !== text) || after.size !== before.size) problems.push('a file outside the root changed');
    if (![0, 1, 2].includes(code)) problems.push(`exit code ${code}`);
    if (output.includes('internal error') || output.includes('internal-error')) problems.push(`internal error: ${output.slice(0, 500)}`);
    return problems;
  } finally {
    if (previousToken === undefined) delete process.env.KL_FUZZ_FAKE_TOKEN;
    else process.env.KL_FUZZ_FAKE_TOKEN = previousToken;
    rmSync(base, { recursive: true, force: true });
  }
}
