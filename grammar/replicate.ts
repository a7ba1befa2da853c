// `~SEQ(VAR, [start,] [step,] end) text` and `~LST(VAR, v1, v2, ...)` /
// `~LST({A,B}, {a1,b1}, {a2,b2}) text` line replication (keepalived 2.0.9+ / 2.1.0+).

export interface Replication {
  /** How many copies of the text the line makes. */
  count: number;
  /**
   * The variable values of copy `i` (0 <= i < count). Computed on demand: a `~SEQ` of 100,000
   * copies past the replication budget then costs nothing instead of 100,000 arrays.
   */
  assignment(i: number): Array<[string, string]>;
  /** Offset in the line text where the replicated text starts. */
  textStart: number;
}

export type ReplicationResult = { ok: Replication } | { error: string };

const MAX_ITERATIONS = 100_000;

/** Whether keepalived replicates the line (other `~` lines it ignores). */
export const isReplication = (line: string): boolean => line.startsWith('~SEQ') || line.startsWith('~LST');

/** The copies a `~SEQ`/`~LST` line makes (call it for lines isReplication accepts). */
export function parseReplication(line: string): ReplicationResult {
  return line.startsWith('~SEQ') ? parseSeq(line) : parseLst(line);
}

function closingParen(line: string, from: number): number {
  let depth = 0;
  for (let i = from; i < line.length; i++) {
    if (line[i] === '{') depth++;
    else if (line[i] === '}') depth--;
    else if (line[i] === ')' && depth <= 0) return i;
  }
  return -1;
}

function textStartAfter(line: string, close: number): number {
  let p = close + 1;
  while (line[p] === ' ' || line[p] === '\t') p++;
  return p;
}

function parseSeq(line: string): ReplicationResult {
  const hex = line[4] === 'x';
  let p = hex ? 5 : 4;
  while (line[p] === ' ' || line[p] === '\t') p++;
  if (line[p] !== '(') return { error: `invalid ~SEQ: expected '(' after ~SEQ` };
  const close = closingParen(line, p + 1);
  if (close < 0) return { error: `invalid ~SEQ: missing ')'` };
  const parts = line.slice(p + 1, close).split(',').map((s) => s.trim());
  const variable = parts[0];
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable ?? '') || parts.length < 2 || parts.length > 4) {
    return { error: `invalid ~SEQ: expected ~SEQ(VAR, [start,] [step,] end)` };
  }
  const numbers = parts.slice(1).map((s) => (/^[-+]?(0x[0-9a-f]+|\d+)$/i.test(s) ? Number.parseInt(s, s.toLowerCase().includes('0x') ? 16 : 10) : NaN));
  if (numbers.some(Number.isNaN)) return { error: `invalid ~SEQ: '${parts.slice(1).join(', ')}' are not all integers` };
  let start: number;
  let step: number;
  let end: number;
  if (numbers.length === 1) {
    end = numbers[0];
    step = end < 1 ? -1 : 1;
    start = end < 0 ? -1 : 1;
  } else if (numbers.length === 2) {
    [start, end] = numbers;
    step = start <= end ? 1 : -1;
  } else {
    [start, step, end] = numbers;
    if (step === 0 || (start < end && step < 0) || (start > end && step > 0)) {
      return { error: `invalid ~SEQ values: step ${step} never reaches ${end} from ${start}` };
    }
  }
  if (hex && (start < 0 || end < 0)) return { error: '~SEQx is only valid for positive numbers' };
  const count = Math.floor((end - start) / step) + 1;
  if (count > MAX_ITERATIONS) return { error: `~SEQ would make ${count} copies (limit ${MAX_ITERATIONS})` };
  const assignment = (i: number): Array<[string, string]> => {
    const value = start + i * step;
    return [[variable, hex ? value.toString(16) : String(value)]];
  };
  return { ok: { count: Math.max(count, 0), assignment, textStart: textStartAfter(line, close) } };
}

function splitTopLevel(inner: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of inner) {
    if (c === '{') depth++;
    if (c === '}') depth--;
    if (c === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += c;
  }
  parts.push(current.trim());
  return parts;
}

function unbrace(s: string): string[] {
  return s.startsWith('{') && s.endsWith('}') ? s.slice(1, -1).split(',').map((v) => v.trim()) : [s];
}

function parseLst(line: string): ReplicationResult {
  let p = 4;
  while (line[p] === ' ' || line[p] === '\t') p++;
  if (line[p] !== '(') return { error: `invalid ~LST: expected '(' after ~LST` };
  const close = closingParen(line, p + 1);
  if (close < 0) return { error: `invalid ~LST: missing ')'` };
  const [head, ...values] = splitTopLevel(line.slice(p + 1, close));
  const variables = unbrace(head ?? '');
  if (values.length === 0 || !variables.every((v) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(v))) {
    return { error: 'invalid ~LST: expected ~LST(VAR, value, ...) or ~LST({A,B}, {a1,b1}, ...)' };
  }
  const iterations: Array<Array<[string, string]>> = [];
  for (const value of values) {
    const items = unbrace(value);
    if (items.length !== variables.length) {
      return { error: `invalid ~LST: '${value}' has ${items.length} values for ${variables.length} variables` };
    }
    iterations.push(variables.map((v, i) => [v, items[i]] as [string, string]));
  }
  return { ok: { count: iterations.length, assignment: (i) => iterations[i], textStart: textStartAfter(line, close) } };
}
