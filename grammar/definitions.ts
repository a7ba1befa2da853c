// `$NAME=value` definitions and their substitution, as lib/parser.c (replace_param,
// find_definition, check_definition) does it:
// - `$NAME` is replaced only when followed by blank, `,`, `)` or the end of the line;
//   `${NAME}` may sit inside a word; parameters only in the braced form;
// - unknown names stay as they are;
// - a multi-line definition is only expanded when it is the last thing on the line.
import { MappedText } from './mapped-text.js';
import type { Span } from './source.js';

export interface Definition {
  name: string;
  /** Where `$NAME` was defined; undefined for built-ins and ~SEQ/~LST loop variables. */
  span?: Span;
  /** Value lines; more than one for a multi-line definition. */
  lines: MappedText[];
  multiline: boolean;
  /** Value computed on use (built-ins). */
  compute?: (params: number[]) => string;
  maxParams: number;
  /** Set once an expansion of this definition ran away: later uses fail at once, not after MAX_SUBSTITUTIONS more. */
  runaway?: boolean;
}

export interface VariableReference {
  name: string;
  span: Span;
  definition?: Definition;
}

export interface SubstitutionResult {
  text: MappedText;
  /** Lines after the first one of a multi-line expansion. */
  extraLines: MappedText[];
  /** keepalived stops processing a line whose substituted value starts with `~`. */
  stop: boolean;
  /** Substitution kept growing the line (a definition that refers to itself). */
  runaway: boolean;
}

const DEFINITION = /^\$([A-Za-z_][A-Za-z0-9_]*)=/;
const MAX_SUBSTITUTED_LENGTH = 64 * 1024;
/** A 1023-byte line holds at most ~340 references; more substitutions than this means a loop. */
const MAX_SUBSTITUTIONS = 512;

export function matchDefinition(text: string): { name: string; valueStart: number } | undefined {
  const m = DEFINITION.exec(text);
  if (!m) return undefined;
  let valueStart = m[0].length;
  while (text[valueStart] === ' ' || text[valueStart] === '\t') valueStart++;
  return { name: m[1], valueStart };
}

interface RefMatch {
  name: string;
  /** Length of the whole reference including `$` and braces. */
  length: number;
  params: number[];
  braced: boolean;
}

function matchReference(text: string, at: number): RefMatch | undefined {
  let p = at + 1;
  const braced = text[p] === '{';
  if (braced) p++;
  const nameStart = p;
  if (!/[A-Za-z_]/.test(text[p] ?? '')) return undefined;
  while (p < text.length && /[A-Za-z0-9_]/.test(text[p])) p++;
  const name = text.slice(nameStart, p);
  if (braced) {
    const paramsStart = p;
    while (p < text.length && (text[p] === ' ' || (text[p] >= '0' && text[p] <= '9'))) p++;
    const rawParams = text.slice(paramsStart, p);
    if (rawParams.trim() && rawParams.endsWith(' ')) return undefined;
    if (text[p] !== '}') return undefined;
    const params = rawParams.trim() ? rawParams.trim().split(/ +/).map(Number) : [];
    return { name, length: p + 1 - at, params, braced };
  }
  const next = text[p];
  if (next !== undefined && next !== ' ' && next !== '\t' && next !== ',' && next !== ')') return undefined;
  return { name, length: p - at, params: [], braced };
}

export class DefinitionTable {
  private readonly defs = new Map<string, Definition>();
  private readonly builtins = new Map<string, Definition>();

  constructor(builtinValues: { pwd: () => string; instance: string }) {
    const builtin = (name: string, maxParams: number, compute: (params: number[]) => string) =>
      this.builtins.set(name, { name, lines: [], multiline: false, compute, maxParams });
    builtin('_PWD', 0, () => builtinValues.pwd());
    builtin('_INSTANCE', 0, () => builtinValues.instance);
    // A linter needs a stable value; the lowest value of the range keeps numbers valid.
    builtin('_RANDOM', 2, (params) => String(params.length === 2 ? params[0] : 0));
    builtin('_HASH', 0, () => '#');
    builtin('_BANG', 0, () => '!');
  }

  define(definition: Definition): void {
    this.defs.set(definition.name, definition);
  }

  get(name: string): Definition | undefined {
    return this.defs.get(name) ?? this.builtins.get(name);
  }

  userDefinitions(): Definition[] {
    return [...this.defs.values()];
  }

  /** Substitutes every reference in `line`; returns undefined when nothing was replaced. */
  substitute(line: MappedText, references: VariableReference[]): SubstitutionResult | undefined {
    let text = line;
    let found = false;
    let extraLines: MappedText[] = [];
    let count = 0;
    let at = text.text.indexOf('$');
    while (at >= 0 && at + 1 < text.text.length) {
      const ref = matchReference(text.text, at);
      const atEnd = ref !== undefined && at + ref.length === text.text.length;
      const def = ref && this.get(ref.name);
      if (!ref || !def || (def.multiline && !atEnd) || (ref.params.length > 0 && ref.params.length > def.maxParams)) {
        at = text.text.indexOf('$', at + 1);
        continue;
      }
      const origin = text.map(at, at + ref.length);
      references.push({ name: ref.name, span: { file: origin.file, start: origin.start, end: origin.end }, definition: def });
      found = true;
      if (def.runaway || ++count > MAX_SUBSTITUTIONS || text.text.length > MAX_SUBSTITUTED_LENGTH) {
        def.runaway = true;
        return { text, extraLines, stop: true, runaway: true };
      }
      if (def.multiline) {
        // Like keepalived, the lines of a multi-line expansion count as the line of the reference.
        const [first, ...rest] = def.lines.map((l) => l.expandedAt(origin.file, origin.start, origin.end, ref.name));
        text = text.splice(at, at + ref.length, first ?? MappedText.substituted('', origin.file, origin.start, origin.end, ref.name));
        extraLines = rest;
        break;
      }
      const value = def.compute ? def.compute(ref.params) : (def.lines[0]?.text ?? '');
      // A user definition's text stays traceable to where it is written (built-ins and loop variables are not written anywhere).
      const written = def.span && def.lines[0];
      text = written ? text.splice(at, at + ref.length, written.expandedAt(origin.file, origin.start, origin.end, ref.name)) : text.replace(at, at + ref.length, value, ref.name);
      if (value.trimStart().startsWith('~')) return { text, extraLines, stop: true, runaway: false };
      at = text.text.indexOf('$', at);
    }
    return found ? { text, extraLines, stop: false, runaway: false } : undefined;
  }
}
