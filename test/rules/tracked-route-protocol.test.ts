import { describe, expect, it } from 'vitest';
import { found, lintSnippet, memoryFiles, where } from '../helpers/lint-text.js';

const RULE = 'tracked-route-protocol';

const BAD = "static_routes {\n    10.1.0.0/16 via 10.0.0.1 dev eth0 protocol static\n}\n";
const GOOD = "static_routes {\n    10.1.0.0/16 via 10.0.0.1 dev eth0 protocol static no_track\n    10.2.0.0/16 via 10.0.0.1 dev eth0 protocol keepalived\n}\n";

describe(RULE, () => {
  it('reports what keepalived 2.2.7 reports, at the line it concerns', () => {
    const ds = found(RULE, BAD);
    expect(ds.map((d) => [d.line, d.text])).toEqual([[2, "static"]]);
    expect(ds[0].message).toContain("keepalived replaces protocol static with 18");
    expect(ds[0].severity).toBe("warning");
  });

  it('does not report the healthy twin', () => {
    expect(where(RULE, GOOD)).toEqual([]);
  });

  it('reports the same through an include', () => {
    const files = memoryFiles({ '/etc/keepalived/conf.d/part.conf': BAD });
    const ds = lintSnippet('include conf.d/*.conf\n', {}, files).filter((d) => d.rule === RULE);
    expect(ds.map((d) => d.path)).toEqual(Array(1).fill('/etc/keepalived/conf.d/part.conf'));
  });
});
