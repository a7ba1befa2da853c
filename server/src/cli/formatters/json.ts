// Machine-readable output: {"version":1,"files":[{"path","diagnostics":[...]}]}.
import type { Report } from '../report.js';

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
      ...(d.fix ? { fix: { title: d.fix.title, edits: d.fix.edits.map((e) => ({ path: e.path, line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn, text: e.text })) } } : {}),
    })),
    ...(file.output !== undefined ? { output: file.output } : {}),
  }));
  return `${JSON.stringify({ version: 1, files }, null, 2)}\n`;
}
