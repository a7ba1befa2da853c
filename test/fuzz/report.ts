// Readable failure lists for the fuzz tests: one line per failure with what rebuilds its input.
import type { Failure } from './harness.js';

/** At most `limit` failures, each as "check: message [label]", plus how many were left out. */
export function describeFailures(failures: readonly Failure[], limit = 12): string[] {
  const lines = failures.slice(0, limit).map((f) => `${f.check}: ${f.message.split('\n').slice(0, 3).join(' | ')} [${f.label}]`);
  if (failures.length > limit) lines.push(`... and ${failures.length - limit} more`);
  return lines;
}
