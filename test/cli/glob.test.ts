// Glob expansion: patterns alone, then against a real directory tree.
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandGlob } from '../../server/src/node/glob.js';
import { expandBraces } from '../../server/src/analysis/glob/braces.js';
import { hasMagic, segmentMatcher } from '../../server/src/analysis/glob/segment.js';
import { removeTree, tempTree } from './harness.js';

describe('expandBraces', () => {
  const expand = (pattern: string, limit = 100) => {
    const result = expandBraces(pattern, limit);
    return 'patterns' in result ? result.patterns : result.problem;
  };

  it('expands alternatives left to right, nested too', () => {
    expect(expand('a{b,c}d')).toEqual(['abd', 'acd']);
    expect(expand('{x,y{1,2}}.conf')).toEqual(['x.conf', 'y1.conf', 'y2.conf']);
    expect(expand('{a,b}{1,2}')).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect(expand('m{,}.conf')).toEqual(['m.conf', 'm.conf']);
  });

  it('expands a single alternative and keeps commas outside braces, like glob(3)', () => {
    expect(expand('a{b}c')).toEqual(['abc']);
    expect(expand('a,b{c,d}')).toEqual(['a,bc', 'a,bd']);
  });

  it('leaves a pattern with an unmatched or escaped brace unexpanded', () => {
    expect(expand('a{b,c')).toEqual(['a{b,c']);
    expect(expand('{a,b}{c')).toEqual(['{a,b}{c']);
    expect(expand('a\\{b,c}')).toEqual(['a\\{b,c}']);
  });

  it('gives up past the limit and past 32 levels of nesting', () => {
    expect(expand('{a,b}{a,b}{a,b}{a,b}', 10)).toBe('its braces stand for more than 10 patterns');
    expect(expand(`${'{'.repeat(33)}a${'}'.repeat(33)}`)).toBe('its braces are nested more than 32 deep');
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
    expect(matches('[z-a].conf', 'z.conf')).toBe(false);
    expect(matches('[!z-a].conf', 'z.conf')).toBe(true);
    expect(matches('*é?', 'café!')).toBe(true);
    expect(matches('?', '😀')).toBe(true);
  });

  it('backtracks to the last star only', () => {
    expect(matches('*a*b', 'xaxaxb')).toBe(true);
    expect(matches('*ab', 'aab')).toBe(true);
    expect(matches('a*a*a*b', 'aaaaaaaa')).toBe(false);
    expect(matches('*', '')).toBe(true);
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

  it('reports too many results, and too many directories listed', () => {
    expect(glob('*/*/*', { maxResults: 2 })).toEqual({ tooMany: 'matches' });
    expect(expandGlob('*/*/*', { cwd: root, maxResults: 100, maxDirectories: 3 })).toEqual({ tooMany: 'directories' });
  });

  it('lists no directory outside the root', () => {
    const outside = expandGlob('../*/*.conf', { cwd: join(root, 'etc', 'conf.d'), root: join(root, 'etc', 'conf.d'), maxResults: 100 });
    expect(outside).toEqual({ paths: [], outside: join(root, 'etc') });
    expect(paths(expandGlob('../conf.d/*.conf', { cwd: join(root, 'etc', 'conf.d'), root: join(root, 'etc'), maxResults: 100 }))).toEqual(['etc/conf.d/a.conf', 'etc/conf.d/b.conf']);
  });

  it('refuses a pattern past the bounds without walking', () => {
    expect(glob('x'.repeat(5000))).toEqual({ invalid: { message: 'it is longer than 4096 characters', offset: 0, length: 5000 } });
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
