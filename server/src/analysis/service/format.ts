// Formatter: re-indents by block depth, trims trailing blanks, keeps at most one empty line in
// a row, and puts the statements of plain one-line blocks (`name { a }`) on lines of their own.
// It never changes what keepalived reads: comments, quotes, `@id`, `$NAME` and `~SEQ` lines keep
// their words, and multi-line definitions are left exactly as written.
import { forEachPhysicalLine, type PhysicalLine } from '../../../../grammar/lines.js';

export interface FormatOptions {
  /** Indentation unit; four spaces by default. */
  indent?: string;
  /** 0-based first and last line to format (inclusive); the whole file by default. */
  range?: { start: number; end: number };
}

/** Deeper blocks (brace storms, garbage) are not indented further: the output stays bounded. */
const MAX_INDENT = 16;

const isPlain = (text: string) => !/[@$~"!#\\]/.test(text);

/** keepalived's blanks; String.trim() would also eat no-break spaces, which are part of words. */
const trimBlanks = (text: string) => text.replace(/^[ \t\f\v\r]+|[ \t\f\v\r]+$/g, '');

/** Splits `a { b c }` into `a {`, `b c`, `}` when the line holds nothing keepalived treats specially. */
function splitBraces(code: string): string[] {
  if (!isPlain(code) || !/[{}]/.test(code.slice(1))) return [code];
  return code.split(/(?=[{}])|(?<=[{}])/).map(trimBlanks).filter(Boolean).reduce<string[]>((out, part) => {
    if (part === '{' && out.length > 0 && out[out.length - 1] !== '{' && out[out.length - 1] !== '}') out[out.length - 1] += ' {';
    else out.push(part);
    return out;
  }, []);
}

export function formatText(text: string, options: FormatOptions = {}): string {
  const unit = options.indent ?? '    ';
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const out: string[] = [];
  let depth = 0;
  let inDefinition = false;
  let lineNo = 0;
  let blank = 0;
  forEachPhysicalLine(text, (line: PhysicalLine) => {
    const raw = text.slice(line.start, line.end);
    const inRange = !options.range || (lineNo >= options.range.start && lineNo <= options.range.end);
    lineNo++;
    const startsDefinition = /^\s*(@\^?\S+\s+)?\$[A-Za-z_]\w*=/.test(raw);
    if (inDefinition || startsDefinition) {
      out.push(raw);
      inDefinition = /\\[ \t]*$/.test(raw) && trimBlanks(raw) !== '';
      return;
    }
    const braces = line.tokens.filter((t) => t.kind === 'lbrace' || t.kind === 'rbrace');
    const trimmed = trimBlanks(raw);
    if (trimmed === '') {
      if (++blank <= 1 || !inRange) out.push(inRange ? '' : raw);
      return;
    }
    blank = 0;
    const codeEnd = line.comment ? line.comment.start - line.start : raw.length;
    const code = trimBlanks(raw.slice(0, codeEnd));
    const comment = line.comment ? raw.slice(codeEnd).trimEnd() : '';
    const parts = comment === '' ? splitBraces(code) : [code];
    for (const [i, part] of parts.entries()) {
      const closes = part.startsWith('}') ? 1 : 0;
      const indent = unit.repeat(Math.min(MAX_INDENT, Math.max(0, depth - closes)));
      const suffix = i === parts.length - 1 && comment ? `${part ? ' ' : ''}${comment}` : '';
      out.push(inRange ? `${indent}${part}${suffix}` : raw);
      // A split part is `}`, a statement, or a statement with the braces that followed it (`b { {`).
      if (parts.length > 1) depth = Math.max(0, depth + part.split('{').length - 1 - closes);
    }
    if (parts.length === 1) {
      for (const b of braces) depth = Math.max(0, depth + (b.kind === 'lbrace' ? 1 : -1));
    }
  });
  while (out.length > 1 && out[out.length - 1] === '' && out[out.length - 2] === '') out.pop();
  return out.join(newline);
}
