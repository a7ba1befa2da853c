// What keepalived's fgets does to a physical line that the lexer cannot see: it reads at most
// MAX_LINE_BYTES bytes of it, and a NUL ends the line for its string functions.
import type { PhysicalLine } from './lines.js';
import type { SyntaxIssue } from './preprocess.js';

/** keepalived reads lines with fgets into a 1024-byte buffer. */
export const MAX_LINE_BYTES = 1023;

/** The per-line limits of one file's text; the file is scanned for NULs once, not once per line. */
export class PhysicalLineLimits {
  /** Offset of the next NUL at or after the last line checked (-1: none left). */
  private nextNul: number;

  constructor(private readonly file: number, private readonly text: string) {
    this.nextNul = text.indexOf('\0');
  }

  /** The issues of `line`, in order: too long, then its first NUL. */
  issuesOf(line: PhysicalLine): SyntaxIssue[] {
    const issues: SyntaxIssue[] = [];
    if (line.end - line.start > MAX_LINE_BYTES / 3) {
      const bytes = Buffer.byteLength(this.text.slice(line.start, line.end));
      if (bytes > MAX_LINE_BYTES) {
        issues.push({ kind: 'line-too-long', message: `line is ${bytes} bytes long; keepalived reads at most ${MAX_LINE_BYTES} bytes per line and 2.2.x reads the rest as a separate line`, span: { file: this.file, start: line.start, end: line.end } });
      }
    }
    if (this.nextNul >= 0 && this.nextNul < line.start) this.nextNul = this.text.indexOf('\0', line.start);
    if (this.nextNul >= 0 && this.nextNul < line.end) {
      issues.push({ kind: 'nul-byte', message: 'NUL byte in line: keepalived ignores the rest of the line', span: { file: this.file, start: this.nextNul, end: this.nextNul + 1 } });
    }
    return issues;
  }
}
