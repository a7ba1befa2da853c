// Check-then-read race: while the CLI lints, another process keeps swapping an included file
// between a regular file inside the root and a symbolic link to a secret outside it. However
// the swaps fall, the secret never appears in a report: the guard checks the file it opened.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../server/src/cli/run.js';
import { SECRET, Trees } from './fixtures.js';

const trees = new Trees();
afterAll(() => trees.removeAll());

/** Swaps `path` between `inside` (copied in) and a link to `outside`, by atomic renames, until killed. */
const SWAPPER = `
const { copyFileSync, renameSync, symlinkSync, rmSync } = require('node:fs');
const [path, inside, outside] = process.argv.slice(1);
process.stdout.write('ready\\n');
for (let i = 0; ; i++) {
  const temp = path + '.' + (i % 2) + '.tmp';
  rmSync(temp, { force: true });
  if (i % 2) symlinkSync(outside, temp); else copyFileSync(inside, temp);
  renameSync(temp, path);
}`;

async function lintOnce(cwd: string): Promise<string> {
  let out = '';
  const io = { cwd, env: {}, stdoutIsTTY: false, readStdin: async () => '', stdout: (t: string) => void (out += t), stderr: (t: string) => void (out += t) };
  await run(['-f', 'json', 'keepalived.conf'], io);
  return out;
}

describe('swapping an included file for a link while linting', () => {
  it('never leaks the linked file', async () => {
    const secret = trees.secret();
    const root = trees.make({ 'keepalived.conf': 'include inc.conf\n', 'safe.conf': 'global_defs {\n    router_id lb1\n}\n' });
    const swapper = spawn(process.execPath, ['-e', SWAPPER, join(root, 'inc.conf'), join(root, 'safe.conf'), secret], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((ready) => swapper.stdout!.once('data', ready));
    const seen = { leaked: 0, refused: 0, read: 0, runs: 0 };
    try {
      // Until both sides of the swap were seen often enough (or a generous run limit).
      while (seen.runs < 5000 && (seen.refused < 50 || seen.read < 50)) {
        const out = await lintOnce(root);
        seen.runs++;
        if (out.includes(SECRET)) seen.leaked++;
        else if (out.includes('include-outside-root')) seen.refused++;
        else seen.read++;
      }
    } finally {
      swapper.kill();
    }
    console.log(`race: ${seen.runs} runs, ${seen.leaked} leaked, ${seen.refused} refused the link, ${seen.read} read the regular file`);
    expect(seen.leaked).toBe(0);
    expect(Math.min(seen.refused, seen.read)).toBeGreaterThanOrEqual(50);
  });
});
