// Checkstyle XML, read by Jenkins and many CI dashboards.
import type { Severity } from '../../analysis/types.js';
import type { Report } from '../report.js';

const CHECKSTYLE_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'info' };

/** Escapes an attribute value; characters XML 1.0 cannot hold become U+FFFD. */
export function xmlAttribute(value: string): string {
  return value
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\ud800-\udbff\udc00-\udfff]/g, '\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

export function formatCheckstyle(report: Report): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const file of report.files) {
    out.push(`  <file name="${xmlAttribute(file.path)}">`);
    for (const d of file.diagnostics) {
      out.push(`    <error line="${d.line}" column="${d.column}" severity="${CHECKSTYLE_SEVERITY[d.severity]}" message="${xmlAttribute(d.message)}" source="keepalived-lint.${xmlAttribute(d.rule)}"/>`);
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
}
