// The workspace file's own problems as diagnostics (shared by the CLI and the language server).
import { describe, expect, it } from 'vitest';
import { readWorkspaceFile } from '../../server/src/analysis/host/from-workspace.js';
import { workspaceProblemDiagnostics } from '../../server/src/analysis/host/workspace-problems.js';
import { checkOpenConfig } from '../../server/src/lsp/workspace-diagnostics.js';
import { lint } from '../../server/src/analysis/index.js';
import { hostMatcher } from '../../server/src/node/workspace-facts.js';
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
    const loaded = { workspace, facts: workspace.facts, hostOf: hostMatcher(workspace) };
    const files = memoryFiles({});
    const result = lint({ path: '/ws/a.conf', text: 'global_defs {\n router_id a\n}\n' });
    expect(checkOpenConfig('/ws/a.conf', result, loaded, {}, files).inWorkspaceFile).toEqual(workspaceProblemDiagnostics(workspace));
    expect(checkOpenConfig('/ws/a.conf', result, loaded, { rules: { 'invalid-workspace-file': 'off' } }, files).inWorkspaceFile).toEqual([]);
  });
});
