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
  /** For text expanded from a `$NAME` definition: where its first character is written there. */
  written?: { file: number; start: number };
}

export interface MappedRange {
  file: number;
  start: number;
  end: number;
  via?: string;
  /** Where the text is written in a `$NAME` definition, when it all comes 1:1 from one. */
  written?: { file: number; start: number; end: number };
}

export class MappedText {
  private constructor(readonly text: string, private readonly segments: Segment[]) {}

  static verbatim(text: string, file: number, srcStart: number): MappedText {
    return new MappedText(text, [{ from: 0, to: text.length, file, srcStart, srcEnd: srcStart + text.length, exact: true }]);
  }

  static substituted(text: string, file: number, srcStart: number, srcEnd: number, via: string): MappedText {
    return new MappedText(text, [{ from: 0, to: text.length, file, srcStart, srcEnd, exact: false, via }]);
  }

  /** This text as read at a `$NAME` use (`file`, `srcStart`..`srcEnd`), remembering where each part is written. */
  expandedAt(file: number, srcStart: number, srcEnd: number, via: string): MappedText {
    return new MappedText(this.text, this.segments.map((s) => ({ from: s.from, to: s.to, file, srcStart, srcEnd, exact: false, via, written: s.exact ? { file: s.file, start: s.srcStart } : s.written })));
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
    const written = result && this.writtenAt(from, to);
    if (written) result!.written = written;
    return result ?? { file: this.segments[0]?.file ?? 0, start: 0, end: 0 };
  }

  /** Where text[from, to) is written in a definition, when one segment holds all of it. */
  private writtenAt(from: number, to: number): MappedRange['written'] {
    const holder = this.segments.find((s) => s.from <= from && to <= s.to && from < to);
    if (!holder?.written) return undefined;
    const start = holder.written.start + (from - holder.from);
    return { file: holder.written.file, start, end: start + (to - from) };
  }
}

function cut(s: Segment, from: number, to: number): Segment {
  const written = s.written && { file: s.written.file, start: s.written.start + (from - s.from) };
  if (!s.exact) return { ...s, from, to, written };
  return { ...s, from, to, srcStart: s.srcStart + (from - s.from), srcEnd: s.srcStart + (to - s.from) };
}
