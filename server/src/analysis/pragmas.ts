// Inline directives in comments:
//   # keepalived-lint disable-next-line rule-a, rule-b -- reason
//   # keepalived-lint disable-line rule-a
//   # keepalived-lint disable-file rule-a        (anywhere; `all` for every rule)
//   # keepalived-lint host=lvs-a                  (the host this file runs on)
import { LineIndex, type CommentInfo, type Span } from '../../../grammar/index.js';

export interface Pragma {
  kind: 'disable-next-line' | 'disable-line' | 'disable-file';
  rules: Array<{ id: string; span: Span }>;
  /** 0-based line the pragma applies to (unused for disable-file). */
  line: number;
  file: number;
  span: Span;
}

export interface PragmaSet {
  pragmas: Pragma[];
  hostName?: { name: string; span: Span };
  /** Comments that start like a directive but cannot be read. */
  malformed: Array<{ span: Span; message: string }>;
}

const DIRECTIVE = /^[#!]\s*keepalived-lint\s+(\S+)(.*)$/;

export function readPragmas(comments: readonly CommentInfo[], lineIndexOf: (file: number) => LineIndex): PragmaSet {
  const set: PragmaSet = { pragmas: [], malformed: [] };
  for (const comment of comments) {
    const m = DIRECTIVE.exec(comment.text);
    if (!m) continue;
    const [, verb, restWithReason] = m;
    const verbStart = comment.span.start + comment.text.indexOf(verb, comment.text.indexOf('keepalived-lint') + 15);
    if (verb.startsWith('host=')) {
      const name = verb.slice(5);
      set.hostName = { name, span: { file: comment.span.file, start: verbStart + 5, end: verbStart + verb.length } };
      continue;
    }
    if (verb !== 'disable-next-line' && verb !== 'disable-line' && verb !== 'disable-file') {
      set.malformed.push({ span: { file: comment.span.file, start: verbStart, end: verbStart + verb.length }, message: `unknown keepalived-lint directive '${verb}' (use disable-next-line, disable-line, disable-file or host=NAME)` });
      continue;
    }
    const reasonAt = restWithReason.indexOf('--');
    const list = reasonAt >= 0 ? restWithReason.slice(0, reasonAt) : restWithReason;
    const listStart = verbStart + verb.length;
    const rules: Pragma['rules'] = [];
    const idPattern = /[^\s,]+/g;
    for (let id = idPattern.exec(list); id; id = idPattern.exec(list)) {
      rules.push({ id: id[0], span: { file: comment.span.file, start: listStart + id.index, end: listStart + id.index + id[0].length } });
    }
    const line = lineIndexOf(comment.span.file).positionAt(comment.span.start).line;
    set.pragmas.push({ kind: verb, rules, line: verb === 'disable-next-line' ? line + 1 : line, file: comment.span.file, span: comment.span });
  }
  return set;
}

/** Whether a pragma silences `rule` on `line` of `file`. An empty rule list means every rule. */
export function isSuppressed(set: PragmaSet, rule: string, file: number, line: number): boolean {
  return set.pragmas.some((p) =>
    p.file === file &&
    (p.kind === 'disable-file' || p.line === line) &&
    (p.rules.length === 0 || p.rules.some((r) => r.id === rule || r.id === 'all')));
}
