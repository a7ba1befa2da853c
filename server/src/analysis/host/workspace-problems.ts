// keepalived-lint.yaml's own problems as diagnostics, the same in the CLI and the editor.
import { SEVERITY_ORDER, type Diagnostic, type Severity } from '../types.js';
import type { WorkspaceFile } from './from-workspace.js';

/** Rule id of the workspace file's own problems (not a rule of the registry: nothing in a config produces it). */
export const INVALID_WORKSPACE_FILE = 'invalid-workspace-file';

/**
 * The problems on the workspace file's own path. `configured` is the severity set for
 * invalid-workspace-file (by the CLI's --rule or the file's own `rules:`): it overrides each
 * problem's severity, or turns them off.
 */
export function workspaceProblemDiagnostics(workspace: WorkspaceFile, configured?: string): Diagnostic[] {
  if (configured === 'off') return [];
  return workspace.problems.map((problem) => ({
    path: workspace.path,
    start: problem.start,
    end: Math.max(problem.start, problem.end),
    rule: INVALID_WORKSPACE_FILE,
    severity: configured !== undefined && configured in SEVERITY_ORDER ? (configured as Severity) : problem.severity,
    message: problem.message,
  }));
}
