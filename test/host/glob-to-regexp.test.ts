// The `configs:` globs of keepalived-lint.yaml, as regular expressions over paths relative to
// the workspace file.
import { describe, expect, it } from 'vitest';
import { globToRegExp } from '../../server/src/node/workspace-facts.js';

const matches = (glob: string, path: string) => globToRegExp(glob).test(path);

describe('globToRegExp', () => {
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
