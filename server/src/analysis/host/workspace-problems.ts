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

/**
 * A workspace file below the root one may describe hosts and set severities, but cannot widen
 * what is read: its `include_outside_root` is not honoured (the files under review would
 * otherwise switch off the guard that protects the machine from them), and that is reported.
 * Returns the workspace file as it applies.
 */
export function asNestedWorkspace(workspace: WorkspaceFile, rootDescription: string): WorkspaceFile {
  if (!workspace.includeOutsideRoot || !workspace.includeOutsideRootAt) return workspace;
  const problem = {
    ...workspace.includeOutsideRootAt,
    severity: 'warning' as const,
    message: `include_outside_root is ignored here: only ${rootDescription} can allow reading outside the lint root`,
  };
  return { ...workspace, includeOutsideRoot: false, problems: [...workspace.problems, problem] };
}
