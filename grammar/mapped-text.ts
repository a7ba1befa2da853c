// Text that remembers where each piece came from, so tokens lexed after `$NAME`
// substitution still point at source positions.

interface Segment {
  /** Range in `text`. */
  from: number;
  to: number;
  /** Source offsets in `file`: exact for verbatim text, the whole reference for substituted text. */
  file: number;
  srcStart: number;
  srcEnd: number;
  exact: boolean;
  via?: string;
}

export interface MappedRange {
  file: number;
  start: number;
  end: number;
  via?: string;
}

export class MappedText {
  private constructor(readonly text: string, private readonly segments: Segment[]) {}

  static verbatim(text: string, file: number, srcStart: number): MappedText {
    return new MappedText(text, [{ from: 0, to: text.length, file, srcStart, srcEnd: srcStart + text.length, exact: true }]);
  }

  static substituted(text: string, file: number, srcStart: number, srcEnd: number, via: string): MappedText {
    return new MappedText(text, [{ from: 0, to: text.length, file, srcStart, srcEnd, exact: false, via }]);
  }

  /** Replaces text[from, to) with `replacement`, which maps to the range the replaced text came from. */
  replace(from: number, to: number, replacement: string, via: string): MappedText {
    const origin = this.map(from, to);
    return this.splice(from, to, MappedText.substituted(replacement, origin.file, origin.start, origin.end, via));
  }

  /** Replaces text[from, to) with another mapped text (keeping its own positions). */
  splice(from: number, to: number, inserted: MappedText): MappedText {
    const delta = inserted.text.length - (to - from);
    const segments: Segment[] = [];
    for (const s of this.segments) {
      if (s.to <= from) segments.push(s);
    }
    for (const s of this.segments) {
      if (s.from < from && s.to > from) segments.push(cut(s, s.from, from));
    }
    for (const s of inserted.segments) segments.push({ ...s, from: s.from + from, to: s.to + from });
    for (const s of this.segments) {
      if (s.from < to && s.to > to) {
        const rest = cut(s, to, s.to);
        segments.push({ ...rest, from: rest.from + delta, to: rest.to + delta });
      }
    }
    for (const s of this.segments) {
      if (s.from >= to) segments.push({ ...s, from: s.from + delta, to: s.to + delta });
    }
    segments.sort((a, b) => a.from - b.from);
    return new MappedText(this.text.slice(0, from) + inserted.text + this.text.slice(to), segments);
  }

  slice(from: number, to = this.text.length): MappedText {
    const segments: Segment[] = [];
    for (const s of this.segments) {
      if (s.to <= from || s.from >= to) continue;
      const part = cut(s, Math.max(from, s.from), Math.min(to, s.to));
      segments.push({ ...part, from: part.from - from, to: part.to - from });
    }
    return new MappedText(this.text.slice(from, to), segments);
  }

  /** Source range of text[from, to). */
  map(from: number, to: number): MappedRange {
    let result: MappedRange | undefined;
    for (const s of this.segments) {
      const overlaps = s.from < to && s.to > from;
      const touchesEmpty = from === to && s.from <= from && s.to >= from;
      if (!overlaps && !touchesEmpty) continue;
      const start = s.exact ? s.srcStart + (Math.max(from, s.from) - s.from) : s.srcStart;
      const end = s.exact ? s.srcStart + (Math.min(to, s.to) - s.from) : s.srcEnd;
      if (!result) result = { file: s.file, start, end, via: s.via };
      else if (s.file === result.file) {
        result.start = Math.min(result.start, start);
        result.end = Math.max(result.end, end);
        result.via ??= s.via;
      }
    }
    return result ?? { file: this.segments[0]?.file ?? 0, start: 0, end: 0 };
  }
}

function cut(s: Segment, from: number, to: number): Segment {
  if (!s.exact) return { ...s, from, to };
  return { ...s, from, to, srcStart: s.srcStart + (from - s.from), srcEnd: s.srcStart + (to - s.from) };
}
