// The generated keyword module honours its contract, and matches ../shared when present.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextOf, keywordData, KeywordSchema, ROOT_CONTEXT } from '../../grammar/keywords/index.js';

const ROOT = join(__dirname, '..', '..');
const stock = keywordData.keywords.filter((k) => k.dialect === 'stock');
const paths = new Set(keywordData.keywords.map((k) => k.path));

describe('keyword data contract', () => {
  it('holds the 531 stock keyword paths, the 26 DPVS additions and 30 block contexts plus the top level', () => {
    expect(stock).toHaveLength(531);
    expect(keywordData.keywords.filter((k) => k.dialect === 'dpvs')).toHaveLength(26);
    const contexts = new Set([ROOT_CONTEXT, ...keywordData.keywords.filter((k) => k.kind === 'block').map((k) => k.path)]);
    expect(contexts.size).toBe(keywordData.summary.contexts);
    expect(keywordData.summary.contexts).toBe(31);
  });

  it('gives every keyword a unique path inside an existing block', () => {
    expect(paths.size).toBe(keywordData.keywords.length);
    for (const k of keywordData.keywords) {
      expect(['option', 'block', 'value_block']).toContain(k.kind);
      expect(k.path.endsWith(k.name)).toBe(true);
      const parent = contextOf(k);
      if (parent !== ROOT_CONTEXT) expect(paths.has(parent), `${k.path}: parent block`).toBe(true);
    }
  });

  it('has well-formed argument shapes', () => {
    const definers = new Set(keywordData.keywords.map((k) => k.defines).filter(Boolean));
    for (const k of keywordData.keywords) {
      const specs = [...(k.args ?? []), ...(k.options ?? []).map((o) => o.value).filter((v) => v !== null), ...(k.item?.args ?? [])];
      for (const spec of specs) {
        if (spec!.type === 'enum') expect(spec!.values?.length, `${k.path} enum`).toBeGreaterThan(0);
        if (spec!.min != null && spec!.max != null) expect(spec!.min).toBeLessThanOrEqual(spec!.max);
        if (spec!.type === 'ref') expect(definers.has(spec!.ref), `${k.path} refers to ${spec!.ref}`).toBe(true);
        if (spec!.type === 'grammar') expect(keywordData.item_grammars[spec!.grammar!], `${k.path} grammar`).toBeDefined();
      }
      if (k.item?.grammar) expect(keywordData.item_grammars[k.item.grammar]).toBeDefined();
      if (k.alias_of) expect(paths.has(`${contextOf(k) === ROOT_CONTEXT ? '' : `${contextOf(k)}/`}${k.alias_of}`), `${k.path} alias`).toBe(true);
    }
  });

  it('knows which keywords keepalived 2.2.7 accepts and which the fork has', () => {
    const v227 = KeywordSchema.for('keepalived', '2.2.7');
    expect(stock.filter((k) => v227.availability(k) === 'available')).toHaveLength(500);
    const v243 = KeywordSchema.for('keepalived', '2.4.3');
    expect(v243.lookup('vrrp_instance', 'no_virtual_ipaddress')).toBeDefined();
    expect(v227.lookup('vrrp_instance', 'no_virtual_ipaddress')).toBeUndefined();
    const dpvs = KeywordSchema.for('dpvs');
    expect(dpvs.lookup('virtual_server', 'laddr_group_name')).toBeDefined();
    expect(v227.find('virtual_server', 'laddr_group_name')?.availability).toBe('other-dialect');
  });

  it.runIf(existsSync(join(ROOT, '..', 'shared', 'keepalived', 'keywords.json')))('is what the generator makes from ../shared today', () => {
    const out = mkdtempSync(join(tmpdir(), 'kw-'));
    const generated = join(ROOT, 'grammar', 'keywords', 'keywords.generated.json');
    const before = readFileSync(generated, 'utf8');
    execFileSync('node', [join(ROOT, 'scripts', 'gen-keywords.mjs')], { cwd: out });
    expect(readFileSync(generated, 'utf8')).toBe(before);
  });
});
