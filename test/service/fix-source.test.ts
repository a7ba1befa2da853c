// Fixes edit source text, never expansions: a fix whose edit falls on a `$NAME` use, a
// `~SEQ`/`~LST` line or an `@id` line another variant reads differently is left to the author
// (issue 9, item 1). The check runs inside `lint`, so --fix and the editor see the same fixes.
import { describe, expect, it } from 'vitest';
import { fixUntilStable } from '../../server/src/analysis/fix.js';
import { lint, type Rule } from '../../server/src/analysis/index.js';
import { applyFixTo, found, TEST_PATH } from '../helpers/lint-text.js';

const vs = (...body: string[]) => ['virtual_server 10.0.0.1 80 {', ...body.map((l) => `  ${l}`), '  protocol TCP', '  real_server 10.0.0.2 80 {', '    weight 1', '  }', '}', ''].join('\n');

/** The texts --fix would leave (the fix loop of the CLI, over one file). */
function fixed(text: string, settings = {}): string {
  const loop = fixUntilStable((texts) => lint({ path: TEST_PATH, text: texts.get(TEST_PATH) ?? text, settings }));
  return loop.texts.get(TEST_PATH) ?? text;
}

describe('fixes on expanded text', () => {
  it('fixes a typo inside a multi-line definition where it is written, not at the $CHK use', () => {
    // Replacing the line '$CHK' with 'lvs_sched' would drop the rest of the expansion (keepalived: fatal).
    const text = `$CHK= \\\n  delay_loop 6 \\\n  lvs_schedd rr\n\n${vs('$CHK')}`;
    const [d] = found('unknown-keyword', text);
    expect(d.text).toBe('$CHK');
    expect(d.diagnostic.fix!.edits.map((e) => text.slice(e.start, e.end))).toEqual(['lvs_schedd']);
    expect(fixed(text)).toBe(text.replace('lvs_schedd', 'lvs_sched'));
  });

  it('fixes a single-line definition once, however many uses report it', () => {
    const text = `$ALG=lb_algo rr\n\n${vs('$ALG')}${vs('$ALG').replace('10.0.0.1 80', '10.0.0.1 443')}`;
    expect(found('deprecated-keyword', text)[0].diagnostic.fix).toBeDefined();
    expect(fixed(text)).toBe(text.replace('lb_algo', 'lvs_sched'));
  });

  it('leaves a use alone when the faulty word is not written whole in one definition', () => {
    const text = `$A=lb_\n\n${vs('${A}algo rr')}`;
    const [d] = found('deprecated-keyword', text);
    expect(d.text).toBe('${A}algo');
    expect(d.diagnostic.fix).toBeUndefined();
    expect(d.diagnostic.suggestions).toEqual([{ title: "Replace with 'lvs_sched' (by hand: the text comes from $A)", edits: [] }]);
    expect(fixed(text)).toBe(text);
  });

  it('still fixes the words around a use', () => {
    const text = `$PORT=6\n\n${vs('lb_algo rr', 'delay_loop $PORT')}`;
    expect(fixed(text)).toBe(text.replace('lb_algo', 'lvs_sched'));
  });

  it('leaves lines replicated by ~SEQ alone: one edit would change every copy', () => {
    const text = '~SEQ(i, 1, 2) virtual_server 10.0.0.$i 80 { lb_algo rr }\nvirtual_server 10.0.1.1 80 {\n  lb_algo rr\n}\n';
    const lines = found('deprecated-keyword', text).map((l) => [l.line, !!l.diagnostic.fix]);
    expect(lines).toEqual(expect.arrayContaining([[1, false], [3, true]]));
    expect(lines).not.toContainEqual([1, true]);
    expect(fixed(text)).toBe(text.replace('  lb_algo', '  lvs_sched'));
  });

  it('keeps a fix on an @id line when only the ids that report it read the line', () => {
    const text = `virtual_server 10.0.0.1 80 {\n  @a lb_algo rr\n  @b lb_algo wrr\n  protocol TCP\n  real_server 10.0.0.2 80 {\n    weight 1\n  }\n}\n`;
    expect(fixed(text)).toBe(text.replace(/lb_algo/g, 'lvs_sched'));
  });

  it('refuses a fix on a line every variant reads when only some variants report it', () => {
    // Reports router_id when the config has a `marker` line: only variant a reads it.
    const onMarker: Rule = {
      meta: { id: 'test-variant-fix', defaultSeverity: 'warning', category: 'style', description: 'test', fixable: true },
      check(context) {
        const words = context.parse.document.items.flatMap((i) => (i.type === 'statement' ? [i.words[0]] : []));
        const id = words.find((w) => w.value === 'router_id');
        if (id && words.some((w) => w.value === 'marker')) context.report({ span: id.span, message: 'm', fix: { title: 'Rename', edits: [{ span: id.span, newText: 'renamed' }] } });
      },
    };
    const text = '@a marker\n@b other\nrouter_id x\n';
    const [d] = lint({ path: TEST_PATH, text, rules: [onMarker] }).diagnostics;
    expect(d.message).toBe('m (with config id a)');
    expect(d.fix).toBeUndefined();
    expect(d.suggestions?.[0].title).toBe('Rename (by hand: only config id a needs it)');
    expect(lint({ path: TEST_PATH, text, rules: [onMarker], settings: { configIds: ['a'] } }).diagnostics[0].fix).toBeDefined();
  });
});

describe('fixes inside a $NAME definition', () => {
  // A rule that reports the value of $V at its uses and fixes it in the definition.
  const inDefinition: Rule = {
    meta: { id: 'test-definition-fix', defaultSeverity: 'warning', category: 'style', description: 'test', fixable: true },
    check(context) {
      const def = context.parse.definitions.find((d) => d.name === 'V');
      if (!def) return;
      const value = { file: def.span.file, start: def.span.end + 1, end: def.span.end + 4 };
      for (const ref of context.parse.references.filter((r) => r.name === 'V')) {
        context.report({ span: ref.span, message: 'old value', fix: { title: 'Use new', edits: [{ span: value, newText: 'new' }] } });
      }
    },
  };
    it('leaves the definition alone when some use does not report the fix', () => {
    const partial: Rule = { ...inDefinition, check: (context) => inDefinition.check({ ...context, parse: { ...context.parse, references: context.parse.references.slice(0, 1) } }) };
    const text = '$V=old\nrouter_id $V\nrouter_id $V\n';
    const [d] = lint({ path: TEST_PATH, text, rules: [partial] }).diagnostics;
    expect(d.fix).toBeUndefined();
    expect(d.suggestions?.[0].title).toMatch(/by hand: it is in the definition of \$V/);
    expect(applyFixTo(text, d.suggestions![0])).toBe(text);
  });
});
