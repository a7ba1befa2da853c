// Checks one word against a value spec the way keepalived's readers do (read_int,
// read_unsigned, read_decimal_unsigned, check_true_false, inet_pton, ...).
import type { KeywordDef, KeywordSchema, ValueSpec } from '../../../../grammar/keywords/index.js';
import { parseIpPrefix } from '../net/ip.js';

export interface ValueProblem {
  message: string;
  /** Most value problems make keepalived ignore the line; some only round or clamp. */
  severity: 'error' | 'warning';
  /** The closest allowed value when the word is a near miss (enum case, typo). */
  suggestion?: string;
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const UINT_MAX = 4294967295;
const IFNAMSIZ = 15;

function range(spec: ValueSpec): string {
  const lo = spec.min ?? '';
  const hi = spec.max ?? '';
  return `${lo}..${hi}`;
}

function outside(n: number, spec: ValueSpec): boolean {
  return (spec.min != null && n < spec.min) || (spec.max != null && n > spec.max);
}

function checkInteger(word: string, spec: ValueSpec, signed: boolean): ValueProblem | undefined {
  const text = word.trimStart();
  if (!signed && text.startsWith('-')) return { message: `'${word}' is negative; a number in ${range(spec)} is expected`, severity: 'error' };
  if (!(signed ? /^[+-]?\d+$/ : /^\+?\d+$/).test(text)) return { message: `'${word}' is not a whole number`, severity: 'error' };
  const n = Number(text);
  if (n < (signed ? INT_MIN : 0) || n > (signed ? INT_MAX : UINT_MAX)) return { message: `'${word}' is outside the integer range`, severity: 'error' };
  if (outside(n, spec)) return { message: `${word} is outside the range ${range(spec)}`, severity: 'error' };
  return undefined;
}

function checkDecimal(word: string, spec: ValueSpec): ValueProblem | undefined {
  if (word.startsWith('-')) return { message: `'${word}' is negative; a number in ${range(spec)} is expected`, severity: 'error' };
  if (!/^\+?(\d+\.?\d*|\.\d+)$/.test(word)) return { message: `'${word}' is not a number`, severity: 'error' };
  const n = Number(word);
  if (outside(n, spec)) return { message: `${word} is outside the range ${range(spec)}${spec.unit ? ` ${spec.unit}` : ''}`, severity: 'error' };
  const decimals = word.includes('.') ? word.length - word.indexOf('.') - 1 : 0;
  const allowed = spec.decimals ?? 6;
  if (decimals > allowed) return { message: `'${word}' has more than ${allowed} decimal places; keepalived rounds it`, severity: 'warning' };
  return undefined;
}

/** The allowed words of an enum as a sentence: "expected 'reverse'", "expected one of 'PASS' or 'AH'". */
function expectedWords(values: readonly string[]): string {
  const quoted = values.map((v) => `'${v}'`);
  if (quoted.length === 1) return `expected ${quoted[0]}`;
  return `expected one of ${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

function closest(word: string, values: string[]): string | undefined {
  const lower = word.toLowerCase();
  return values.find((v) => v.toLowerCase() === lower);
}

export function checkValue(word: string, spec: ValueSpec, def: KeywordDef, schema: KeywordSchema): ValueProblem | undefined {
  switch (spec.type) {
    case 'int': return checkInteger(word, spec, true);
    case 'uint': return checkInteger(word, spec, false);
    case 'timer':
    case 'decimal': return checkDecimal(word, spec);
    case 'bool':
      if (['true', 'on', 'yes', 'false', 'off', 'no'].includes(word)) return undefined;
      return { message: `'${word}' is not a boolean (true/on/yes or false/off/no, lower case)`, severity: 'error', suggestion: closest(word, ['true', 'on', 'yes', 'false', 'off', 'no']) };
    case 'enum': {
      const { values, caseInsensitive } = schema.enumValues(def, spec);
      const found = caseInsensitive ? closest(word, values) : values.includes(word) ? word : undefined;
      if (found) return undefined;
      return { message: `'${word}' is not valid here; ${expectedWords(values)}`, severity: 'error', suggestion: closest(word, values) };
    }
    case 'port':
      if (/^\d+$/.test(word) && Number(word) <= 65535) return undefined;
      return { message: `'${word}' is not a port number (1..65535)`, severity: 'error' };
    case 'ifname':
      return word.length > IFNAMSIZ ? { message: `interface name '${word}' is longer than ${IFNAMSIZ} characters; keepalived ignores it`, severity: 'error' } : undefined;
    case 'ip':
    case 'ip4':
    case 'ip6': {
      // keepalived's address reader ignores a /prefix after an address (seen accepted by 2.2.7).
      const ip = parseIpPrefix(word)?.address;
      if (!ip) return { message: `'${word}' is not an IP address`, severity: 'error' };
      if (spec.type === 'ip4' && ip.family !== 4) return { message: `'${word}' is not an IPv4 address`, severity: 'error' };
      if (spec.type === 'ip6' && ip.family !== 6) return { message: `'${word}' is not an IPv6 address`, severity: 'error' };
      return undefined;
    }
    case 'ip_prefix':
      return parseIpPrefix(word) ? undefined : { message: `'${word}' is not an IP address with an optional /prefix`, severity: 'error' };
    case 'hex':
      return /^[0-9a-fA-F]+$/.test(word) ? undefined : { message: `'${word}' is not a hexadecimal string`, severity: 'error' };
    case 'mac':
      return /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){4,5}$/.test(word) ? undefined : { message: `'${word}' is not a MAC address`, severity: 'error' };
    default:
      return undefined;
  }
}
