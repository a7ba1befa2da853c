// The output formats by name.
import type { Report } from '../report.js';
import { formatCheckstyle } from './checkstyle.js';
import { formatGnu } from './gnu.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'gnu', 'checkstyle'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export interface FormatOptions {
  color: boolean;
  cwd: string;
}

export function format(name: FormatName, report: Report, options: FormatOptions): string {
  switch (name) {
    case 'stylish': return formatStylish(report, options);
    case 'json': return formatJson(report);
    case 'sarif': return formatSarif(report, options);
    case 'gnu': return formatGnu(report);
    case 'checkstyle': return formatCheckstyle(report);
  }
}
