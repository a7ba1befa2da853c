// Check-then-rename race of --fix: while fixes are written, another process keeps swapping the
// directory that holds the file between the real directory inside the root and a symbolic link
// to a directory outside it that holds a file with the very same content (so a content check
// alone cannot tell them apart). However the swaps fall, the outside file is never replaced.
import { spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../server/src/node/atomic-write.js';
import { readFileSnapshot } from '../../server/src/node/file-host.js';
import { Trees } from './fixtures.js';

const trees = new Trees();
afterAll(() => trees.removeAll());

/** Moves the real directory `real` to `path` and back, with a link to `outside` there in between, until killed. */
const DIRECTORY_SWAPPER = `
const { renameSync, symlinkSync, unlinkSync } = require('node:fs');
const [path, real, outside] = process.argv.slice(1);
process.stdout.write('ready\\n');
const hold = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.random());
for (;;) {
  renameSync(real, path);
  hold();
  renameSync(path, real);
  symlinkSync(outside, path);
  hold();
  unlinkSync(path);
}`;

const ORIGINAL = 'global_defs {\n    router_id lb1\n}\n';
const FIXED = 'global_defs {\n    router_id lb2\n}\n';

describe('swapping the directory of a fixed file for a link while writing', () => {
  it('never writes into the linked directory', async () => {
    const root = trees.make({ '.real/keepalived.conf': ORIGINAL });
    const outside = trees.make({ 'keepalived.conf': ORIGINAL });
    const outsideFile = join(outside, 'keepalived.conf');
    let inode = statSync(outsideFile).ino;
    const guard = { dir: root, allow: 'test' };
    const swapper = spawn(process.execPath, ['-e', DIRECTORY_SWAPPER, join(root, 'sub'), join(root, '.real'), outside], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((ready) => swapper.stdout!.once('data', ready));
    const seen = { written: 0, refused: 0, runs: 0, leaked: 0 };
    try {
      while (seen.runs < 20000 && (seen.written < 200 || seen.refused < 200)) {
        seen.runs++;
        const path = join(root, 'sub', 'keepalived.conf');
        const answer = readFileSnapshot(path, 1 << 20, guard);
        if ('problem' in answer) continue;
        const next = answer.snapshot.text === ORIGINAL ? FIXED : ORIGINAL;
        if (writeFileAtomic(path, next, answer.snapshot, guard).written) seen.written++;
        else seen.refused++;
        if (readFileSync(outsideFile, 'utf8') !== ORIGINAL || statSync(outsideFile).ino !== inode) {
          seen.leaked++;
          writeFileSync(outsideFile, ORIGINAL);
          inode = statSync(outsideFile).ino;
        }
      }
    } finally {
      swapper.kill();
    }
    console.log(`fix race: ${seen.runs} attempts, ${seen.written} written, ${seen.refused} refused, ${seen.leaked} written outside the root`);
    expect(seen.leaked).toBe(0);
    expect(seen.written).toBeGreaterThanOrEqual(200);
  });
});
