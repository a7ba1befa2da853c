// The per-file cap on reported problems (keepalived stops at "too many errors" too): past
// `max` problems in one file, the rest are summed up in one diagnostic at the last one shown.
// A file with a hundred thousand stray braces then costs a screen, not a flood of output.
import { SEVERITY_ORDER, type Diagnostic, type Severity } from './types.js';

/** The summary diagnostic's pseudo-rule id. */
export const TOO_MANY_PROBLEMS = 'too-many-problems';
export const DEFAULT_MAX_PROBLEMS = 1000;

/** What makes two diagnostics the same report (the CLI and the editor show each once). */
export const diagnosticKey = (d: Diagnostic) => `${d.path}\u0000${d.start}\u0000${d.end}\u0000${d.rule}\u0000${d.message}`;

/** The diagnostics without repeats, first occurrence kept. */
export function uniqueDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const unique = new Map<string, Diagnostic>();
  for (const d of diagnostics) if (!unique.has(diagnosticKey(d))) unique.set(diagnosticKey(d), d);
  return [...unique.values()];
}

const byPosition = (a: Diagnostic, b: Diagnostic) => a.start - b.start || a.end - b.end;

/**
 * At most `maxFor(path)` diagnostics per file (0: no limit), in position order, plus one summary
 * of the rest with the highest severity among them. Files under the cap keep their order.
 */
export function capProblems(diagnostics: readonly Diagnostic[], maxFor: (path: string) => number): Diagnostic[] {
  const byPath = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byPath.get(d.path);
    if (list) list.push(d);
    else byPath.set(d.path, [d]);
  }
  const out: Diagnostic[] = [];
  for (const [path, list] of byPath) {
    const max = maxFor(path);
    if (max <= 0 || list.length <= max) {
      for (const d of list) out.push(d);
      continue;
    }
    const sorted = [...list].sort(byPosition);
    let severity: Severity = 'hint';
    for (let i = max; i < sorted.length; i++) if (SEVERITY_ORDER[sorted[i].severity] > SEVERITY_ORDER[severity]) severity = sorted[i].severity;
    for (let i = 0; i < max; i++) out.push(sorted[i]);
    const last = sorted[max - 1];
    out.push({
      path, start: last.end, end: last.end, rule: TOO_MANY_PROBLEMS, severity,
      message: `too many problems in this file: ${sorted.length - max} more not shown (at most ${max} are shown per file: --max-problems, max_problems in keepalived-lint.yaml or the keepalived.maxProblems setting; 0 for no limit)`,
    });
  }
  return out;
}
