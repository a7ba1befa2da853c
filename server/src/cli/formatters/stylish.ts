// Human-readable output grouped by file, in the style of ESLint's default formatter.
import type { Severity } from '../../analysis/types.js';
import { palette, printable, visibleLength, type Palette } from '../color.js';
import type { Report } from '../report.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function paintSeverity(p: Palette, severity: Severity): string {
  switch (severity) {
    case 'error': return p.red(severity);
    case 'warning': return p.yellow(severity);
    default: return p.blue(severity);
  }
}

/** Width of the message column; our messages explain consequences, so they wrap. */
const MESSAGE_WIDTH = 100;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/** Pads each column but the last (the message) to the widest cell, ignoring colour codes. */
function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, column) => rows.reduce((widest, r) => Math.max(widest, visibleLength(r[column])), 0)) ?? [];
  const lead = widths.slice(0, -1).reduce((sum, w) => sum + w + 2, 2);
  return rows.flatMap((row) => {
    const cells = row.slice(0, -1).map((cell, i) => cell + ' '.repeat(widths[i] - visibleLength(cell)));
    const [first, ...rest] = wrap(row[row.length - 1], MESSAGE_WIDTH);
    return [`  ${[...cells, first].join('  ')}`.trimEnd(), ...rest.map((line) => `${' '.repeat(lead)}${line}`)];
  });
}

export function formatStylish(report: Report, options: { color: boolean }): string {
  const p = palette(options.color);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixable = 0;
  const out: string[] = [];
  for (const file of report.files) {
    if (file.diagnostics.length === 0) continue;
    out.push(p.underline(printable(file.path)));
    const rows = file.diagnostics.map((d) => {
      counts[d.severity]++;
      if (d.fix) fixable++;
      return [`${d.line}:${d.column}`, paintSeverity(p, d.severity), p.dim(d.rule), printable(d.message)];
    });
    for (const line of table(rows)) out.push(line);
    out.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) return '';
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.info, 'info')];
  if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'));
  const summary = `\u2716 ${plural(total, 'problem')} (${parts.join(', ')})`;
  out.push(p.bold(counts.error > 0 ? p.red(summary) : p.yellow(summary)));
  if (fixable > 0) out.push(p.dim(`  ${plural(fixable, 'problem')} potentially fixable with the \`--fix\` option.`));
  return `${out.join('\n')}\n`;
}
