// Conditional configs (`@id` lines): ids that read the same lines are checked once, and a file
// with more distinct readings than one lint may afford says which ids it did not check.
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/index.js';
import { CONFIG_IDS_NOT_CHECKED, MAX_CHECKED_VARIANTS, readingGroups, usedVariantIds } from '../../server/src/analysis/variants.js';
import { lintSnippet, TEST_PATH } from '../helpers/lint-text.js';

const instance = (body: string) => `vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 51
${body}    virtual_ipaddress {
        10.0.0.100/24
    }
}
`;

const groupsOf = (text: string) => {
  const union = parse(TEST_PATH, text);
  return readingGroups(union, usedVariantIds(union).ids);
};

describe('readingGroups', () => {
  it('puts ids whose @id lines are all empty into one reading', () => {
    expect(groupsOf(`@lb1\n@lb2\n${instance('    priority 100\n')}`)).toEqual([['lb1', 'lb2']]);
  });

  it('separates ids that keep different lines, and groups those that keep the same', () => {
    const text = instance('@lb1 priority 150\n@lb2 priority 100\n@lb3 priority 100\n@^lb1 nopreempt\n');
    // lb2 and lb3 keep different `priority` lines, so all three read differently.
    expect(groupsOf(text)).toEqual([['lb1'], ['lb2'], ['lb3']]);
    const same = instance('@lb1 priority 150\n@^lb1 priority 100\n@lb2\n@lb3\n');
    expect(groupsOf(same)).toEqual([['lb1'], ['lb2', 'lb3']]);
  });

  it('keeps every id apart when the config uses ${_INSTANCE}, which expands to the id', () => {
    expect(groupsOf(`@lb1\n@lb2\n${instance('    priority 100\n')}global_defs {\n    router_id \${_INSTANCE}\n}\n`)).toEqual([['lb1'], ['lb2']]);
  });
});

describe('lint of a conditional config', () => {
  it('reports a fault of a shared reading once, without naming ids, when every id reads it', () => {
    const text = `@lb1\n@lb2\n${instance('    priority 100\n    bogus_keyword 1\n')}`;
    const unknown = lintSnippet(text).filter((d) => d.rule === 'unknown-keyword');
    expect(unknown).toHaveLength(1);
    expect(unknown[0].message).not.toContain('config id');
  });

  it('still names the ids of a reading that only some ids have', () => {
    const text = instance('@lb1 priority 150\n@lb2 priority 100\n@lb3 priority 100\n@lb1 bogus_keyword 1\n');
    const unknown = lintSnippet(text).filter((d) => d.rule === 'unknown-keyword');
    expect(unknown.map((d) => d.message)).toEqual([expect.stringContaining('(with config id lb1)')]);
  });

  it(`checks at most ${MAX_CHECKED_VARIANTS} distinct readings and names the ids it did not check`, () => {
    const count = MAX_CHECKED_VARIANTS + 6;
    const lines = Array.from({ length: count }, (_, i) => `@host${String(i).padStart(3, '0')} priority ${i + 1}\n`).join('');
    const diagnostics = lintSnippet(instance(lines));
    const notes = diagnostics.filter((d) => d.rule === CONFIG_IDS_NOT_CHECKED);
    expect(notes).toHaveLength(1);
    expect(notes[0].severity).toBe('info');
    expect(notes[0].message).toContain(`${count} config ids`);
    expect(notes[0].message).toContain('host064, host065, host066, host067, host068 and 1 more were not checked');
    expect(notes[0].message).toContain('--config-id');
    // The note sits at the first @id line of an id it did not check.
    const text = instance(lines);
    expect(text.slice(notes[0].start, notes[0].end)).toBe('@host064');
  });

  it('checks fewer readings of a big config, so the work stays bounded, and checks the ids it is told to', () => {
    // 100,000 replicated lines: one reading is all one lint affords.
    const text = `@a $X=1\n@b $X=2\n@c $X=3\n~SEQ(i,1,100000) x\n${instance('    priority ${X}\n')}`;
    const note = lintSnippet(text).find((d) => d.rule === CONFIG_IDS_NOT_CHECKED);
    expect(note?.message).toMatch(/^3 config ids; checking each of their 3 different readings of this \d+-word config is more work than one lint is allowed, so config ids b, c were not checked/);
    expect(lintSnippet(text, { configIds: ['c'] }).some((d) => d.rule === CONFIG_IDS_NOT_CHECKED)).toBe(false);
  });
});
