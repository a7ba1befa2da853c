// No input makes the parser throw or hang: truncation, binary data, deep nesting, huge lines.
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/index.js';
import { lint } from '../../server/src/analysis/index.js';

const SAMPLE = `global_defs {\n  router_id LVS_1\n}\nvrrp_instance VI_1 {\n  state MASTER\n  interface eth0\n  virtual_router_id 51\n  priority 100\n  virtual_ipaddress {\n    10.0.0.1/24 dev eth0\n  }\n}\n`;

function withinDocument(text: string) {
  const result = lint({ path: '/k.conf', text });
  for (const d of result.diagnostics) {
    expect(d.start).toBeGreaterThanOrEqual(0);
    expect(d.end).toBeLessThanOrEqual(text.length);
    expect(d.start).toBeLessThanOrEqual(d.end);
  }
  return result;
}

describe('parser robustness', () => {
  it('survives every truncation of a real config', () => {
    for (let i = 0; i <= SAMPLE.length; i++) withinDocument(SAMPLE.slice(0, i));
  });

  it('survives binary garbage, NUL bytes and invalid UTF-8', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 50; n++) {
      const bytes = Buffer.from(Array.from({ length: 400 }, () => Math.floor(random() * 256)));
      withinDocument(bytes.toString('utf8'));
      withinDocument(bytes.toString('latin1'));
    }
    expect(parse('/k', 'router_id a\0b\n').issues.map((i) => i.kind)).toContain('nul-byte');
  });

  it('reports every NUL at its own position, once per line', () => {
    const text = 'a\0b\nc\nd\0e\0\n' + 'x\n'.repeat(100_000) + 'y\0\n';
    const nuls = parse('/k', text).issues.filter((i) => i.kind === 'nul-byte').map((i) => i.span.start);
    expect(nuls).toEqual([1, 7, text.length - 2]);
  });

  it('caps 10,000-deep nesting instead of overflowing the stack', () => {
    const text = 'a {\n'.repeat(10_000) + '}\n'.repeat(10_000);
    const result = parse('/k', text);
    expect(result.issues.map((i) => i.kind)).toContain('nesting-too-deep');
    withinDocument(text);
  });

  it('handles a 1 MB line and 100,000 statements on one line', () => {
    withinDocument(`router_id ${'x'.repeat(1_000_000)}\n`);
    withinDocument(`${'a { '.repeat(50_000)}${'} '.repeat(50_000)}\n`);
  });

  it('stops a multi-line definition that uses itself on several lines (each level doubles the lines)', () => {
    // Depth alone (64 levels) would allow 2^64 lines here: fuzz input 858 never finished.
    const text = '$IF=$IF \\\n$IF \\\ninterface $IF ${IF}\ninterface $IF ${IF}\n';
    const issues = parse('/k', text).issues.filter((i) => i.kind === 'runaway-definition').map((i) => i.message);
    expect(issues).toContain('multi-line definitions expand into more than 100000 lines; the rest is not read');
    withinDocument(text);
  });

  it('handles brace storms and quote storms', () => {
    withinDocument('{'.repeat(5000) + '}'.repeat(7000));
    withinDocument('"'.repeat(3001) + '\n' + '}{'.repeat(2000));
  });
});
