// SARIF 2.1.0 for code-scanning services. Fingerprints hash the rule, the path and the
// flagged line's text (not its number), so a finding keeps its identity when lines move.
import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRuleMetas } from '../../analysis/rules/index.js';
import type { RuleMeta, Severity } from '../../analysis/types.js';
import { INFORMATION_URI, ruleDocUri, TOOL_NAME, TOOL_VERSION } from '../package-info.js';
import { pseudoRuleMetas } from '../pseudo-rules.js';
import type { Report } from '../report.js';

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

const normaliseLine = (text: string) => text.trim().replace(/\s+/g, ' ');

/** GitHub's convention: `hash:n`, n counting identical (rule, path, line text) findings. */
function lineHash(rule: string, path: string, lineText: string, seen: Map<string, number>): string {
  const hash = createHash('sha256').update(`${rule}\u0000${path}\u0000${normaliseLine(lineText)}`).digest('hex').slice(0, 32);
  const n = (seen.get(hash) ?? 0) + 1;
  seen.set(hash, n);
  return `${hash}:${n}`;
}

function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(path)) return { uri: pathToFileURL(path).href };
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function ruleDescriptor(meta: RuleMeta) {
  return {
    id: meta.id,
    shortDescription: { text: meta.description },
    helpUri: ruleDocUri(meta.id),
    defaultConfiguration: { level: SARIF_LEVEL[meta.defaultSeverity] },
  };
}

export function formatSarif(report: Report, options: { cwd: string }): string {
  const metas: RuleMeta[] = [...allRuleMetas, ...pseudoRuleMetas];
  const indexById = new Map(metas.map((m, i) => [m.id, i]));
  const ruleIndex = (id: string) => {
    let index = indexById.get(id);
    if (index === undefined) {
      index = metas.length;
      metas.push({ id, defaultSeverity: 'warning', category: 'syntax', description: id, fixable: false });
      indexById.set(id, index);
    }
    return index;
  };
  const seen = new Map<string, number>();
  const results = report.files.flatMap((file) =>
    file.diagnostics.map((d) => ({
      ruleId: d.rule,
      ruleIndex: ruleIndex(d.rule),
      level: SARIF_LEVEL[d.severity],
      message: { text: d.message },
      locations: [{
        physicalLocation: {
          artifactLocation: artifactLocation(file.path),
          region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
        },
      }],
      partialFingerprints: { primaryLocationLineHash: lineHash(d.rule, file.path, d.lineText, seen) },
    })));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: TOOL_NAME, version: TOOL_VERSION, informationUri: INFORMATION_URI, rules: metas.map(ruleDescriptor) } },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(options.cwd.endsWith('/') ? options.cwd : `${options.cwd}/`).href } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
