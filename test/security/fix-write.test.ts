// --fix writes a fixed file back with its full mode (setuid/setgid included) and owner, and
// refuses a file the invoking user may not write instead of replacing it through the directory.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, removeTree, runCli, tempTree } from '../cli/harness.js';

/** A config with one fix: lb_kind is renamed lvs_method. */
const FIXABLE = 'virtual_server 10.0.0.10 80 {\n    lb_kind DR\n    real_server 10.0.1.1 80 {\n        weight 1\n    }\n}\n';
const FIXED = FIXABLE.replace('lb_kind', 'lvs_method');
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

let cli: string;
const roots: string[] = [];
const tree = () => {
  const root = tempTree({ 'keepalived.conf': FIXABLE });
  roots.push(root);
  return { root, file: join(root, 'keepalived.conf') };
};

beforeAll(() => {
  cli = buildCli();
});
afterAll(() => roots.forEach(removeTree));

/** --fix run by an unprivileged user in `root` (made writable for everyone). */
function fixAsNobody(root: string) {
  chmodSync(root, 0o777);
  return spawnSync(process.execPath, [cli, '--fix', 'keepalived.conf'], { cwd: root, uid: NOBODY, gid: NOBODY, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

describe.runIf(asRoot)('--fix keeps what the file was', () => {
  it('keeps the setuid and setgid bits and the owner of a file root fixes', () => {
    const { root, file } = tree();
    // Root writes it as a member of group 0, which may write it.
    chownSync(file, 1000, 0);
    chmodSync(file, 0o6775);
    const run = runCli(cli, ['--fix'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    const after = statSync(file);
    expect((after.mode & 0o7777).toString(8)).toBe('6775');
    expect([after.uid, after.gid]).toEqual([1000, 0]);
  });

  it('refuses a file whose mode lets nobody write it, even for root, and says so', () => {
    const { root, file } = tree();
    chmodSync(file, 0o444);
    const run = runCli(cli, ['--fix'], { cwd: root });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('did not write keepalived.conf: it is read-only for you (mode 0444');
    expect(readFileSync(file, 'utf8')).toBe(FIXABLE);
  });

  it('refuses a file another user owns and does not let root write through group or other bits', () => {
    const { root, file } = tree();
    chownSync(file, 1000, 1000);
    chmodSync(file, 0o644);
    const run = runCli(cli, ['--fix'], { cwd: root });
    expect(run.stderr).toContain('it is read-only for you (mode 0644, owner uid 1000');
    expect(readFileSync(file, 'utf8')).toBe(FIXABLE);
  });

  it('does not let an unprivileged user replace a file it may not write through a writable directory', () => {
    const { root, file } = tree();
    chmodSync(file, 0o644);
    const run = fixAsNobody(root);
    expect(run.stderr).toContain('did not write keepalived.conf: it is read-only for you (mode 0644, owner uid 0');
    expect(readFileSync(file, 'utf8')).toBe(FIXABLE);
    expect(statSync(file).uid).toBe(0);
  });

  it('lets an unprivileged owner fix its own file and keeps its mode', () => {
    const { root, file } = tree();
    chownSync(file, NOBODY, NOBODY);
    chmodSync(file, 0o4640);
    const run = fixAsNobody(root);
    expect(run.stderr).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    const after = statSync(file);
    expect([after.mode & 0o7777, after.uid, after.gid]).toEqual([0o4640, NOBODY, NOBODY]);
  });

  it('refuses rather than give the file away when an unprivileged writer cannot keep its owner', () => {
    const { root, file } = tree();
    chmodSync(file, 0o666);
    const run = fixAsNobody(root);
    expect(run.stderr).toContain('did not write keepalived.conf: the rewritten file could not keep owner uid 0 gid 0');
    expect(readFileSync(file, 'utf8')).toBe(FIXABLE);
    expect(statSync(file).uid).toBe(0);
  });
});
