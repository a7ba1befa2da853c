// Which `keepalived -t` messages the text-only differential test holds us to. Classes are
// chosen by message, never by file: host-bound complaints (missing interfaces, scripts,
// users, DNS) cannot be judged from the text and are left out.

export type OracleClass = 'unknown-keyword' | 'wrong-value' | 'reference' | 'structure';

const CLASSES: Array<[OracleClass, RegExp]> = [
  ['unknown-keyword', /Unknown keyword '/],
  ['structure', /Unexpected '\{'|Missing '\{' at beginning|Extra '\}' found|Unmatched quote|Unterminated quote/],
  ['reference', /track (script|file|process|bfd) .* not found|already defined|has no virtual router|not found, ignoring/],
  ['wrong-value', new RegExp([
    'outside range', 'invalid number', 'negative number', 'outside (unsigned )?integer range', "' is invalid",
    'unknown state', 'Priority not valid', 'parsed invalid IP', 'unknown route keyword', 'Unknown rule option',
    'unknown authentication type', 'VRID .* not valid', 'unknown \\[.*\\] routing method', 'Invalid .* parameter',
    'Interface name .* too long', 'malformed (unicast peer|src) address', 'Invalid address prefix len',
    'Invalid virtual server IP address', 'persistence_timeout invalid', 'Invalid lvs_scheduler',
    'Unknown configuration entry', 'invalid route via address', 'Invalid rtt', 'persistence_granularity',
    'Invalid bindto address', 'weight .* must be in', 'interval .* must be between', 'too many decimal places',
    'Quorum .* must be in', 'trailing nonsense', 'has extra parameters', 'is missing a parameter', 'Invalid rule',
    'Advert interval', 'Preempt_delay not valid', 'invalid .* address', 'unknown .* type',
  ].join('|'))],
];

/** Host-bound messages: they depend on the machine keepalived runs on, not on the text. */
const HOST_BOUND = /doesn't exist|not found\/accessible|uid\/gid|default user|Invalid smtp server|Unknown interface|unknown interface|Non-existent interface|SECURITY VIOLATION|Config files missing/;

export interface OracleLine {
  line: number;
  cls: OracleClass;
  message: string;
}

/** Keywords whose valid range depends on the machine (CPU affinity is bounded by the CPU count). */
const HOST_BOUND_KEYWORD = /^\s*(?:@\S+\s+)?(?:\$\w+\s+)?\w*_cpu_affinity\b/;

/** Classifies a `(Line N) message`; `lineText` (the source line) lets host-bound ranges be told apart. */
export function classify(message: string, lineText = (_line: number) => ''): OracleLine | undefined {
  const m = /^\(Line (\d+)\) (.*)$/.exec(message);
  if (!m || HOST_BOUND.test(m[2]) || HOST_BOUND_KEYWORD.test(lineText(Number(m[1])))) return undefined;
  for (const [cls, pattern] of CLASSES) if (pattern.test(m[2])) return { line: Number(m[1]), cls, message: m[2] };
  return undefined;
}
