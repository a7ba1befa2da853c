// The file-system IncludeHost (bounded, never blocking) and the atomic writer of --fix.
import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, readFileSync, readdirSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../server/src/node/atomic-write.js';
import { NodeFileHost, readFileSnapshot, type FileSnapshot } from '../../server/src/node/file-host.js';
import { removeTree, tempTree } from './harness.js';

const roots: string[] = [];
const tree = (files: Record<string, string | Buffer>) => {
  const root = tempTree(files);
  roots.push(root);
  return root;
};
afterAll(() => roots.forEach(removeTree));

const kindOf = (answer: ReturnType<NodeFileHost['read']>) => ('problem' in answer ? answer.problem.kind : 'text');

describe('NodeFileHost.read', () => {
  it('reads regular files, and the same text on every read', () => {
    const root = tree({ 'a.conf': 'global_defs {\r\n}\n' });
    const host = new NodeFileHost();
    expect(host.read(join(root, 'a.conf'))).toEqual({ text: 'global_defs {\r\n}\n' });
    writeFileSync(join(root, 'a.conf'), 'changed');
    expect(host.read(join(root, 'a.conf'))).toEqual({ text: 'global_defs {\r\n}\n' });
  });

  it('refuses directories, devices and FIFOs without opening them for reading', () => {
    const root = tree({ 'dir/x': '' });
    const host = new NodeFileHost();
    expect(kindOf(host.read(join(root, 'dir')))).toBe('not-a-file');
    expect(kindOf(host.read('/dev/zero'))).toBe('not-a-file');
    try {
      execFileSync('mkfifo', [join(root, 'fifo')]);
    } catch {
      return;
    }
    const fifo = host.read(join(root, 'fifo'));
    expect(kindOf(fifo)).toBe('not-a-file');
    expect('problem' in fifo && fifo.problem.message).toContain('FIFO');
  });

  it('limits the size of a file', () => {
    const root = tree({ 'big.conf': 'x'.repeat(2048), 'small.conf': 'x'.repeat(1024) });
    const host = new NodeFileHost({ maxFileBytes: 1024 });
    expect(kindOf(host.read(join(root, 'big.conf')))).toBe('too-large');
    expect(kindOf(host.read(join(root, 'small.conf')))).toBe('text');
  });

  it('reports missing files, unreadable files and symbolic link loops', () => {
    const root = tree({ 'secret.conf': 'x' });
    symlinkSync('loop', join(root, 'loop'));
    const host = new NodeFileHost();
    expect(kindOf(host.read(join(root, 'absent.conf')))).toBe('not-found');
    expect(kindOf(host.read(join(root, 'loop')))).toBe('unreadable');
    chmodSync(join(root, 'secret.conf'), 0o000);
    const secret = host.read(join(root, 'secret.conf'));
    // root reads anything; everyone else gets 'unreadable'.
    if (process.getuid?.() !== 0) expect(kindOf(secret)).toBe('unreadable');
  });

  it('decodes invalid UTF-8 with replacement characters and keeps a BOM', () => {
    const root = tree({ 'latin1.conf': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]), 'bom.conf': Buffer.from([0xef, 0xbb, 0xbf, 0x61]) });
    const latin1 = readFileSnapshot(join(root, 'latin1.conf'), 1024);
    expect('snapshot' in latin1 && latin1.snapshot).toMatchObject({ text: 'caf\ufffd\n', validUtf8: false });
    const bom = readFileSnapshot(join(root, 'bom.conf'), 1024);
    expect('snapshot' in bom && bom.snapshot).toMatchObject({ text: '\ufeffa', validUtf8: true });
  });
});

describe('NodeFileHost.glob', () => {
  it('expands relative to the including file, sorted', () => {
    const root = tree({ 'etc/keepalived.conf': '', 'etc/conf.d/b.conf': '', 'etc/conf.d/a.conf': '' });
    const host = new NodeFileHost();
    expect(host.glob('conf.d/*.conf', join(root, 'etc', 'keepalived.conf'))).toEqual({ paths: [join(root, 'etc/conf.d/a.conf'), join(root, 'etc/conf.d/b.conf')] });
  });

  it('limits how many paths one pattern may match', () => {
    const root = tree(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`d/f${i}.conf`, ''])));
    const answer = new NodeFileHost({ maxGlobResults: 4 }).glob('d/*.conf', join(root, 'keepalived.conf'));
    expect('problem' in answer && answer.problem.kind).toBe('too-many-files');
  });

  it('skips directories a wildcard matches, as keepalived does', () => {
    const root = tree({ 'conf.d/a.conf': '', 'conf.d/old.conf/x': '' });
    expect(new NodeFileHost().glob('conf.d/*.conf', join(root, 'keepalived.conf'))).toEqual({ paths: [join(root, 'conf.d/a.conf')] });
  });

  it('names a directory outside the root it did not search, never its entries', () => {
    const outside = tree({ 'secret/a.conf': '' });
    const root = tree({ 'mine/a.conf': '' });
    symlinkSync(join(outside, 'secret'), join(root, 'link'));
    const host = new NodeFileHost();
    const partial = host.glob('*/*.conf', join(root, 'keepalived.conf'), root);
    expect(partial).toMatchObject({ paths: [join(root, 'mine/a.conf')], problems: [{ kind: 'outside-root' }] });
    expect(JSON.stringify(partial)).not.toContain('a.conf\' reaches');
    const refused = host.glob(`${outside}/secret/*.conf`, join(root, 'keepalived.conf'), root);
    expect(refused).toEqual({ problem: { kind: 'outside-root', message: expect.stringContaining(`reaches '${join(outside, 'secret')}', outside the lint root ${root}`) } });
    expect(JSON.stringify(refused)).not.toContain('secret/a.conf');
  });
});

describe('writeFileAtomic', () => {
  const snapshotOf = (path: string): FileSnapshot => {
    const answer = readFileSnapshot(path, 1 << 20);
    if ('problem' in answer) throw new Error(answer.problem.message);
    return answer.snapshot;
  };

  it('replaces the content, keeps the mode and leaves no temp file', () => {
    const root = tree({ 'k.conf': 'old\r\n' });
    const path = join(root, 'k.conf');
    chmodSync(path, 0o604);
    const snapshot = snapshotOf(path);
    expect(writeFileAtomic(path, 'new\r\n', snapshot)).toEqual({ written: true });
    expect(readFileSync(path, 'latin1')).toBe('new\r\n');
    expect(statSync(path).mode & 0o777).toBe(0o604);
    expect(readdirSync(root)).toEqual(['k.conf']);
  });

  it('refuses a file that changed since it was read', () => {
    const root = tree({ 'k.conf': 'old' });
    const path = join(root, 'k.conf');
    const snapshot = snapshotOf(path);
    writeFileSync(path, 'edited elsewhere');
    const outcome = writeFileAtomic(path, 'fixed', snapshot);
    expect(outcome.written).toBe(false);
    expect(!outcome.written && outcome.reason).toContain('changed on disk');
    expect(readFileSync(path, 'utf8')).toBe('edited elsewhere');
  });

  it('refuses a file touched since it was read', () => {
    const root = tree({ 'k.conf': 'old' });
    const path = join(root, 'k.conf');
    const snapshot = snapshotOf(path);
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    expect(writeFileAtomic(path, 'fixed', snapshot).written).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('old');
  });

  it('writes through a symbolic link, keeping the link', () => {
    const root = tree({ 'real.conf': 'old' });
    symlinkSync('real.conf', join(root, 'link.conf'));
    const snapshot = snapshotOf(join(root, 'link.conf'));
    expect(writeFileAtomic(join(root, 'link.conf'), 'new', snapshot).written).toBe(true);
    expect(readFileSync(join(root, 'real.conf'), 'utf8')).toBe('new');
    expect(lstatSync(join(root, 'link.conf')).isSymbolicLink()).toBe(true);
    expect(readdirSync(root).sort()).toEqual(['link.conf', 'real.conf']);
  });
});
