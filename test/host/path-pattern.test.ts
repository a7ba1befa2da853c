// The `configs:` globs of keepalived-lint.yaml, matched against paths relative to the workspace
// file without regular expressions.
import { describe, expect, it } from 'vitest';
import { pathMatcher, patternIssue } from '../../server/src/analysis/glob/path-pattern.js';

const matches = (glob: string, path: string) => {
  const matcher = pathMatcher(glob);
  if (!matcher) throw new Error(`'${glob}' did not compile`);
  return matcher(path);
};

describe('pathMatcher', () => {
  it('matches a plain path exactly, dots included', () => {
    expect(matches('lvs-a/keepalived.conf', 'lvs-a/keepalived.conf')).toBe(true);
    expect(matches('lvs-a/keepalived.conf', 'lvs-a/keepalivedXconf')).toBe(false);
    expect(matches('lvs-a/keepalived.conf', 'x/lvs-a/keepalived.conf')).toBe(false);
    expect(matches('lvs-a/keepalived.conf', 'lvs-a/keepalived.conf.bak')).toBe(false);
  });

  it("matches '*' within one path segment", () => {
    expect(matches('lvs-*/keepalived.conf', 'lvs-a/keepalived.conf')).toBe(true);
    expect(matches('lvs-*/keepalived.conf', 'lvs-a/old/keepalived.conf')).toBe(false);
    expect(matches('lb1/*.conf', 'lb1/keepalived.conf')).toBe(true);
    expect(matches('lb1/*.conf', 'lb1/conf.d/vs.conf')).toBe(false);
  });

  it("matches '**' across any number of segments, none included", () => {
    expect(matches('**/keepalived.conf', 'keepalived.conf')).toBe(true);
    expect(matches('**/keepalived.conf', 'dc1/lb1/keepalived.conf')).toBe(true);
    expect(matches('lb1/**/*.conf', 'lb1/vs.conf')).toBe(true);
    expect(matches('lb1/**/*.conf', 'lb1/conf.d/web/vs.conf')).toBe(true);
    expect(matches('lb1/**/*.conf', 'lb2/conf.d/vs.conf')).toBe(false);
    expect(matches('lb1/**', 'lb1/conf.d/vs.conf')).toBe(true);
    expect(matches('**/**/keepalived.conf', 'keepalived.conf')).toBe(true);
  });

  it("takes '**' inside a segment as '*'", () => {
    expect(matches('lb**.conf', 'lb1.conf')).toBe(true);
    expect(matches('lb**.conf', 'lb1/x.conf')).toBe(false);
  });

  it('does not match a leading dot with a wildcard', () => {
    expect(matches('*/keepalived.conf', '.git/keepalived.conf')).toBe(false);
    expect(matches('.*/keepalived.conf', '.old/keepalived.conf')).toBe(true);
  });

  it("matches '?' as exactly one character other than '/'", () => {
    expect(matches('lb?/keepalived.conf', 'lb1/keepalived.conf')).toBe(true);
    expect(matches('lb?/keepalived.conf', 'lb10/keepalived.conf')).toBe(false);
    expect(matches('lb?/keepalived.conf', 'lb/keepalived.conf')).toBe(false);
    expect(matches('a?b', 'a/b')).toBe(false);
  });

  it("matches bracket classes and their '!' negation", () => {
    expect(matches('lb[12]/keepalived.conf', 'lb2/keepalived.conf')).toBe(true);
    expect(matches('lb[12]/keepalived.conf', 'lb3/keepalived.conf')).toBe(false);
    expect(matches('lb[0-9]/keepalived.conf', 'lb7/keepalived.conf')).toBe(true);
    expect(matches('lb[!1]/keepalived.conf', 'lb2/keepalived.conf')).toBe(true);
    expect(matches('lb[!1]/keepalived.conf', 'lb1/keepalived.conf')).toBe(false);
  });

  it("matches '{a,b}' alternatives, with '*' inside", () => {
    expect(matches('{lvs-a,lvs-b}/keepalived.conf', 'lvs-a/keepalived.conf')).toBe(true);
    expect(matches('{lvs-a,lvs-b}/keepalived.conf', 'lvs-b/keepalived.conf')).toBe(true);
    expect(matches('{lvs-a,lvs-b}/keepalived.conf', 'lvs-c/keepalived.conf')).toBe(false);
    expect(matches('lb1/{keepalived,conf.d/*}.conf', 'lb1/conf.d/web.conf')).toBe(true);
    expect(matches('lb1/{keepalived,conf.d/*}.conf', 'lb1/confXd/web.conf')).toBe(false);
  });

  it('treats regular-expression characters literally', () => {
    expect(matches('(a)+.conf', '(a)+.conf')).toBe(true);
    expect(matches('(a)+.conf', 'aa.conf')).toBe(false);
    expect(matches('a$b^c|d.conf', 'a$b^c|d.conf')).toBe(true);
  });
});

describe('patternIssue', () => {
  it('finds reversed ranges and unterminated brackets, with their offset', () => {
    expect(patternIssue('lb[z-a]/keepalived.conf')).toEqual({ message: "the range 'z-a' is reversed, so it matches nothing", offset: 3, length: 3 });
    expect(patternIssue('lb1/[ab.conf')).toEqual({ message: "'[' has no closing ']', so it is taken literally", offset: 4, length: 1 });
    expect(patternIssue('lb[1-3]/{a,b}.conf')).toBeUndefined();
  });

  it('refuses patterns past the bounds instead of expanding them', () => {
    expect(patternIssue('x'.repeat(5000))?.message).toBe('it is longer than 4096 characters');
    expect(patternIssue('{a,b}'.repeat(11))?.message).toBe('its braces stand for more than 1000 patterns');
    expect(patternIssue(`${'{a,'.repeat(40)}${'}'.repeat(40)}`)?.message).toBe('its braces are nested more than 32 deep');
  });

  it('leaves invalid globs without a matcher', () => {
    expect(pathMatcher('[z-a]')).toBeUndefined();
  });
});
