// Which config ids a conditional file (`@id` lines) is checked with, and how many of them.
// Ids that keep exactly the same lines read the same config, so one parse stands for all of
// them; past a limit of distinct readings the rest are not checked and the file says so,
// so a file with thousands of `@id` lines costs bounded work instead of a lint per id.
import type { ConditionalInfo, ParseResult } from '../../../grammar/index.js';
import type { Diagnostic } from './types.js';

/** The pseudo-rule of the note that some config ids were not checked. */
export const CONFIG_IDS_NOT_CHECKED = 'config-ids-not-checked';
/** Distinct readings checked per file; a fleet template rarely has more than a few dozen hosts. */
export const MAX_CHECKED_VARIANTS = 64;

/** The ids to check, and the one that stands for "every other host" when `@^ID` lines need it. */
export interface VariantIds {
  ids: string[];
  other?: string;
}

/**
 * The config ids to check a conditional file with: each id its `@id` lines use and, when an
 * `@^ID` line would otherwise never be kept (every checked id is ID), an id none of them uses,
 * as on every other host.
 */
export function usedVariantIds(union: ParseResult): VariantIds {
  const used = [...new Set(union.conditionals.map((c) => c.id))].sort();
  if (!union.conditionals.some((c) => c.negated && used.every((id) => id === c.id))) return { ids: used };
  let other = 'other';
  while (used.includes(other)) other += '_';
  return { ids: [...used, other], other };
}

const keeps = (c: ConditionalInfo, id: string) => (c.id === id) !== c.negated;

/**
 * The ids grouped by what they read: one group per distinct set of kept non-empty `@id` lines,
 * in the order of their first id. `${_INSTANCE}` expands to the config id, so a file that uses
 * it reads differently under every id.
 */
export function readingGroups(union: ParseResult, ids: readonly string[]): string[][] {
  if (union.references.some((r) => r.name === '_INSTANCE')) return ids.map((id) => [id]);
  const lines = union.conditionals.filter((c) => !c.empty);
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    let signature = '';
    for (let i = 0; i < lines.length; i++) signature += keeps(lines[i], id) ? '1' : '0';
    const group = groups.get(signature);
    if (group) group.push(id);
    else groups.set(signature, [id]);
  }
  return [...groups.values()];
}

/** Words all checked readings of one file may cost together (about 30 readings of a 2,000-line config). */
const MAX_VARIANT_WORDS = 200_000;

/**
 * The reading groups one lint checks, and the note naming the ids of the rest. Every reading is
 * at most the union (which keeps every line), so the union's size bounds the cost of each.
 */
export function affordableReadings(union: ParseResult, groups: string[][]): { checked: string[][]; note: Diagnostic[] } {
  const affordable = Math.min(MAX_CHECKED_VARIANTS, Math.max(1, Math.floor(MAX_VARIANT_WORDS / Math.max(1, union.words))));
  const checked = groups.slice(0, affordable);
  if (checked.length === groups.length) return { checked, note: [] };
  const why = affordable === MAX_CHECKED_VARIANTS
    ? `they read ${groups.length} different configs and at most ${MAX_CHECKED_VARIANTS} are checked per file`
    : `checking each of their ${groups.length} different readings of this ${union.words}-word config is more work than one lint is allowed`;
  return { checked, note: [notCheckedNote(union, checked.flat(), groups.slice(affordable).flat(), why)] };
}

/** The note at the first `@id` line of an id that was not checked. */
function notCheckedNote(union: ParseResult, checked: readonly string[], skipped: readonly string[], why: string): Diagnostic {
  const first = union.conditionals.find((c) => skipped.includes(c.id)) ?? union.conditionals[0];
  const path = union.files[first.span.file]?.path ?? union.files[0].path;
  const names = skipped.length > 5 ? `${skipped.slice(0, 5).join(', ')} and ${skipped.length - 5} more` : skipped.join(', ');
  return {
    path, start: first.span.start, end: first.span.end, rule: CONFIG_IDS_NOT_CHECKED, severity: 'info',
    message: `${checked.length + skipped.length} config ids; ${why}, so config ids ${names} were not checked: name the ones to check with --config-id (configIds in the editor)`,
  };
}
