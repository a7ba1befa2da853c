// Machine-readable output: {"version":1,"files":[{"path","diagnostics":[...]}]}.
import type { Report, ReportedFix } from '../report.js';

const jsonFix = (fix: ReportedFix) => ({ title: fix.title, edits: fix.edits.map((e) => ({ path: e.path, line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn, text: e.text })) });

export function formatJson(report: Report): string {
  const files = report.files.map((file) => ({
    path: file.path,
    diagnostics: file.diagnostics.map((d) => ({
      rule: d.rule,
      severity: d.severity,
      message: d.message,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
      ...(d.fix ? { fix: jsonFix(d.fix) } : {}),
      ...(d.suggestions ? { suggestions: d.suggestions.map(jsonFix) } : {}),
    })),
    ...(file.output !== undefined ? { output: file.output } : {}),
  }));
  return `${JSON.stringify({ version: 1, files }, null, 2)}\n`;
}
