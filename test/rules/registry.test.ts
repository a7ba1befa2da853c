// Every rule has meta, a test file and a doc page whose examples behave as documented.
// File rules' examples are single ```keepalived blocks; rules that need host facts or the whole
// workspace document a workspace: a ```yaml block (keepalived-lint.yaml) and ```keepalived
// blocks each preceded by `<!-- file: PATH -->` (PATH relative to the workspace file).
// A file rule's example is linted as /etc/keepalived/keepalived.conf on a disk that holds it and
// the blocks preceded by `<!-- file: /ABSOLUTE/PATH -->` (the files its `include`s read).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRuleMetas } from '../../server/src/analysis/index.js';
import { ROOT_ALLOW_HINT } from '../../server/src/cli/lint-root.js';
import { guardRoot } from '../../server/src/node/root-guard.js';
import { found, memoryFiles, TEST_PATH } from '../helpers/lint-text.js';
import { lintMemoryWorkspace, workspaceHits } from '../helpers/workspace.js';

const ROOT = join(__dirname, '..', '..');

function section(doc: string, heading: 'Incorrect' | 'Correct'): string | undefined {
  return doc.split(/^## /m).find((s) => s.startsWith(heading));
}

function docSettings(doc: string): Record<string, unknown> {
  const m = /<!-- settings: (\{.*\}) -->/.exec(doc);
  return m ? JSON.parse(m[1]) : {};
}

/** Number of diagnostics of `rule` the example of a section produces. */
function hitsOf(rule: string, doc: string, text: string): number {
  const yaml = /```yaml\n([\s\S]*?)```/.exec(text)?.[1];
  if (yaml === undefined) {
    const onDisk = /<!-- file: (\/\S+) -->\s*```keepalived\n([\s\S]*?)```/g;
    const config = /```keepalived\n([\s\S]*?)```/.exec(text.replace(onDisk, ''))?.[1];
    expect(config, 'a ```keepalived example').toBeDefined();
    const files: Record<string, string> = { [TEST_PATH]: config! };
    for (const m of text.matchAll(onDisk)) files[m[1]] = m[2];
    // `<!-- lint-root: DIR -->`: includes outside DIR are refused, as the CLI does.
    const root = /<!-- lint-root: (\S+) -->/.exec(doc)?.[1];
    const host = root ? guardRoot(memoryFiles(files), { dir: root, allow: ROOT_ALLOW_HINT }) : memoryFiles(files);
    return found(rule, config!, docSettings(doc), host).length;
  }
  const configs: Record<string, string> = {};
  for (const m of text.matchAll(/<!-- file: (\S+) -->\s*```keepalived\n([\s\S]*?)```/g)) configs[m[1]] = m[2];
  return workspaceHits(lintMemoryWorkspace(yaml, configs, docSettings(doc)), rule).length;
}

describe('rule registry', () => {
  it('has unique kebab-case ids', () => {
    const ids = allRuleMetas.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
  });

  for (const meta of allRuleMetas) {
    describe(meta.id, () => {
      const docPath = join(ROOT, 'docs', 'rules', `${meta.id}.md`);

      it('has a test file and a doc page titled with its id and severity', () => {
        expect(existsSync(join(ROOT, 'test', 'rules', `${meta.id}.test.ts`)), `test/rules/${meta.id}.test.ts`).toBe(true);
        expect(existsSync(docPath), `docs/rules/${meta.id}.md`).toBe(true);
        const doc = readFileSync(docPath, 'utf8');
        expect(doc.split('\n')[0]).toBe(`# ${meta.id}`);
        expect(doc).toContain(`**Default severity:** ${meta.defaultSeverity}`);
        expect(meta.description.length).toBeGreaterThan(20);
      });

      it('fires on the incorrect example of its doc page and not on the correct one', () => {
        const doc = readFileSync(docPath, 'utf8');
        const incorrect = section(doc, 'Incorrect');
        const correct = section(doc, 'Correct');
        expect(incorrect, 'an Incorrect section').toBeDefined();
        expect(correct, 'a Correct section').toBeDefined();
        expect(hitsOf(meta.id, doc, incorrect!)).toBeGreaterThan(0);
        expect(hitsOf(meta.id, doc, correct!)).toBe(0);
      });
    });
  }
});
