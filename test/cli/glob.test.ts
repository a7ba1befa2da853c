// Glob expansion: patterns alone, then against a real directory tree.
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandGlob } from '../../server/src/node/glob.js';
import { expandBraces, hasMagic, segmentMatcher } from '../../server/src/node/glob-pattern.js';
import { removeTree, tempTree } from './harness.js';

describe('expandBraces', () => {
  it('expands alternatives left to right, nested too', () => {
    expect(expandBraces('a{b,c}d', 100)).toEqual(['abd', 'acd']);
    expect(expandBraces('{x,y{1,2}}.conf', 100)).toEqual(['x.conf', 'y1.conf', 'y2.conf']);
    expect(expandBraces('{a,b}{1,2}', 100)).toEqual(['a1', 'a2', 'b1', 'b2']);
  });

  it('keeps braces without a comma, unmatched or escaped', () => {
    expect(expandBraces('a{b}c', 100)).toEqual(['a{b}c']);
    expect(expandBraces('a{b,c', 100)).toEqual(['a{b,c']);
    expect(expandBraces('a\\{b,c}', 100)).toEqual(['a\\{b,c}']);
  });

  it('gives up past the limit', () => {
    expect(expandBraces('{a,b}{a,b}{a,b}{a,b}', 10)).toBeUndefined();
  });
});

describe('segmentMatcher', () => {
  const matches = (pattern: string, name: string) => segmentMatcher(pattern)(name);

  it('supports *, ? and bracket classes', () => {
    expect(matches('*.conf', 'a.conf')).toBe(true);
    expect(matches('*.conf', 'a.conf.bak')).toBe(false);
    expect(matches('vs?.conf', 'vs1.conf')).toBe(true);
    expect(matches('vs?.conf', 'vs10.conf')).toBe(false);
    expect(matches('vs[0-3].conf', 'vs2.conf')).toBe(true);
    expect(matches('vs[0-3].conf', 'vs7.conf')).toBe(false);
    expect(matches('vs[!0-3].conf', 'vs7.conf')).toBe(true);
    expect(matches('vs[]a].conf', 'vs].conf')).toBe(true);
    expect(matches('a[.conf', 'a[.conf')).toBe(true);
    expect(matches('a\\*.conf', 'a*.conf')).toBe(true);
    expect(matches('a\\*.conf', 'ab.conf')).toBe(false);
    expect(matches('(x)+.conf', '(x)+.conf')).toBe(true);
  });

  it('does not match a leading dot with a wildcard', () => {
    expect(matches('*.conf', '.hidden.conf')).toBe(false);
    expect(matches('.*.conf', '.hidden.conf')).toBe(true);
  });

  it('tells magic segments apart', () => {
    expect(hasMagic('a*')).toBe(true);
    expect(hasMagic('a\\*')).toBe(false);
    expect(hasMagic('plain.conf')).toBe(false);
  });
});

describe('expandGlob', () => {
  const root = tempTree({
    'etc/conf.d/b.conf': '', 'etc/conf.d/a.conf': '', 'etc/conf.d/.hidden.conf': '', 'etc/conf.d/c.txt': '',
    'etc/sites/one/x.conf': '', 'etc/sites/two/x.conf': '', 'etc/sites/two/deep/y.conf': '',
  });
  afterAll(() => removeTree(root));
  const glob = (pattern: string, options: { maxResults?: number; globstar?: boolean } = {}) =>
    expandGlob(pattern, { cwd: join(root, 'etc'), maxResults: options.maxResults ?? 100, globstar: options.globstar });
  const paths = (result: ReturnType<typeof expandGlob>) => ('paths' in result ? result.paths.map((p) => p.slice(root.length + 1)) : result);

  it('expands relative to cwd, sorted', () => {
    expect(paths(glob('conf.d/*.conf'))).toEqual(['etc/conf.d/a.conf', 'etc/conf.d/b.conf']);
    expect(paths(glob('sites/*/x.conf'))).toEqual(['etc/sites/one/x.conf', 'etc/sites/two/x.conf']);
    expect(paths(glob('conf.d/{b,a,zz}.conf'))).toEqual(['etc/conf.d/a.conf', 'etc/conf.d/b.conf']);
    expect(paths(glob('./conf.d/../conf.d/a.conf'))).toEqual(['etc/conf.d/a.conf']);
  });

  it('accepts absolute patterns and returns nothing for missing paths', () => {
    expect(paths(glob(`${root}/etc/conf.d/[ab].conf`))).toEqual(['etc/conf.d/a.conf', 'etc/conf.d/b.conf']);
    expect(paths(glob('missing/*.conf'))).toEqual([]);
    expect(paths(glob('conf.d/none.conf'))).toEqual([]);
  });

  it('treats ** as * unless globstar is on', () => {
    expect(paths(glob('sites/**/*.conf'))).toEqual(['etc/sites/one/x.conf', 'etc/sites/two/x.conf']);
    expect(paths(glob('sites/**/*.conf', { globstar: true }))).toEqual(['etc/sites/one/x.conf', 'etc/sites/two/deep/y.conf', 'etc/sites/two/x.conf']);
  });

  it('reports too many results', () => {
    expect(glob('*/*/*', { maxResults: 2 })).toEqual({ tooMany: true });
  });

  it('does not loop through symbolic links with **', () => {
    const loopRoot = tempTree({ 'a/file.conf': '' });
    try {
      symlinkSync('..', join(loopRoot, 'a', 'up'));
      mkdirSync(join(loopRoot, 'a', 'b'));
      symlinkSync(join(loopRoot, 'a'), join(loopRoot, 'a', 'b', 'again'));
      const result = expandGlob('**/*.conf', { cwd: loopRoot, maxResults: 100, globstar: true });
      expect('paths' in result && result.paths.map((p) => p.slice(loopRoot.length + 1))).toEqual(['a/file.conf']);
    } finally {
      removeTree(loopRoot);
    }
  });
});
