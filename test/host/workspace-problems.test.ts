// The workspace file's own problems as diagnostics (shared by the CLI and the language server).
import { describe, expect, it } from 'vitest';
import { readWorkspaceFile } from '../../server/src/analysis/host/from-workspace.js';
import { workspaceProblemDiagnostics } from '../../server/src/analysis/host/workspace-problems.js';
import { documentInContext } from '../../server/src/lsp/workspace-diagnostics.js';
import { IncluderSearch } from '../../server/src/node/includers.js';
import { LintCache } from '../../server/src/node/lint-cache.js';
import { lint } from '../../server/src/analysis/index.js';
import { memoryFiles } from '../helpers/lint-text.js';

const YAML = 'version: 1\ndialect: nonsense\nhosts:\n  a:\n    addresses: [10.0.0.1/24]\n    configs: [a.conf]\n';
const workspace = readWorkspaceFile('/ws/keepalived-lint.yaml', YAML);

describe('workspaceProblemDiagnostics', () => {
  it('points at the offending value with the problem severity', () => {
    const [d] = workspaceProblemDiagnostics(workspace);
    expect(d).toMatchObject({ path: '/ws/keepalived-lint.yaml', rule: 'invalid-workspace-file', severity: 'error' });
    expect(YAML.slice(d.start, d.end)).toBe('nonsense');
  });

  it('takes a configured severity, and nothing when configured off', () => {
    expect(workspaceProblemDiagnostics(workspace, 'warning').map((d) => d.severity)).toEqual(['warning']);
    expect(workspaceProblemDiagnostics(workspace, 'off')).toEqual([]);
  });

  it('is what the editor shows for the workspace file, honouring the rule setting', () => {
    const loaded = { path: workspace.path, text: YAML, workspace };
    const text = 'global_defs {\n router_id a\n}\n';
    const files = memoryFiles({ '/ws/a.conf': text });
    const inWorkspaceFile = (settings: object) => {
      const sources = { files, configOf: () => ({ settings, workspace: loaded }), search: new IncluderSearch(), cache: new LintCache() };
      return documentInContext('/ws/a.conf', text, lint({ path: '/ws/a.conf', text, settings }), { settings, workspace: loaded }, sources).workspaceFile?.diagnostics;
    };
    expect(inWorkspaceFile({})).toEqual(workspaceProblemDiagnostics(workspace));
    expect(inWorkspaceFile({ rules: { 'invalid-workspace-file': 'off' } })).toEqual([]);
  });
});
