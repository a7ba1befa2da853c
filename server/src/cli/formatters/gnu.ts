// One line per diagnostic, `file:line:col: severity: message [rule-id]`, as editors and
// `compilation-mode` expect.
import { printable } from '../color.js';
import type { Report } from '../report.js';

export function formatGnu(report: Report): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const d of file.diagnostics) lines.push(`${printable(file.path)}:${d.line}:${d.column}: ${d.severity}: ${printable(d.message)} [${d.rule}]`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
