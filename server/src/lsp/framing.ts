// Re-frames the client's byte stream before vscode-jsonrpc reads it, so that one malformed
// frame costs one message instead of the connection. vscode-jsonrpc's reader trusts every
// header: after garbage between frames or a wrong Content-Length it reads each following body
// as part of a header (or waits for bytes that never come) and answers nothing ever again.
// Here, a header block that does not parse is skipped up to the next `Content-Length:`, and a
// body that turns out to contain the next frame's `Content-Length: N\r\n` (which no JSON text
// can contain: JSON strings hold no raw CR or LF) is cut there. A header block that names a
// header twice (two Content-Lengths, equal or not) is dropped like garbage: which length is
// meant cannot be known. A body nested deeper than MAX_JSON_DEPTH is not passed on (vscode-jsonrpc
// stringifies a message it cannot handle, which overflows the stack at ~10,000 levels and kills
// the process): a request becomes one the server answers with an error, anything else is
// dropped. Valid frames pass unchanged.
import { Transform, type Readable } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');
const HEADER_LINE = /^[A-Za-z0-9-]+:[^\r\n]*$/;
/** A Content-Length header line: the only place a frame can start. */
const FRAME_START = /content-length:[ \t]*\d+[ \t]*\r\n/gi;
/** Bytes of a header block we wait for before treating it as garbage. */
const MAX_HEADER = 8 * 1024;
/** Deepest nesting of arrays and objects in a message body; LSP messages need a handful. */
export const MAX_JSON_DEPTH = 256;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Whether the JSON text nests arrays and objects deeper than `max`, brackets in strings aside. */
function nestedDeeper(body: Buffer, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const b = body[i];
    if (b === QUOTE) {
      // Jump to the closing quote: one not preceded by an odd run of backslashes.
      for (;;) {
        const close = body.indexOf(QUOTE, i + 1);
        if (close < 0) return false;
        let run = 0;
        while (body[close - 1 - run] === BACKSLASH) run++;
        i = close;
        if (run % 2 === 0) break;
      }
    } else if (b === 0x5b || b === 0x7b) {
      if (++depth > max) return true;
    } else if (b === 0x5d || b === 0x7d) depth--;
  }
  return false;
}

/**
 * What goes on instead of a body nested too deeply: a request (with an id) becomes a request for
 * a method no server has, so the client gets an error answer (MethodNotFound) naming the cause
 * instead of waiting forever; anything else is dropped.
 */
function rejected(body: Buffer): Buffer | undefined {
  let message: unknown;
  try {
    message = JSON.parse(body.toString('utf8')); // iterative in V8: any depth parses
  } catch {
    return undefined;
  }
  const id = message && typeof message === 'object' && !Array.isArray(message) ? (message as { id?: unknown }).id : undefined;
  if (typeof id !== 'number' && typeof id !== 'string') return undefined;
  const replacement = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id, method: `$/rejected: JSON nested deeper than ${MAX_JSON_DEPTH} levels` }), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${replacement.length}\r\n\r\n`, 'ascii'), replacement]);
}

/** The Content-Length of a header block; 'garbage' when it is none, 'twice' when a header repeats. */
function contentLength(block: string): string | 'garbage' | 'twice' {
  const lines = block.split('\r\n');
  if (!lines.every((l) => HEADER_LINE.test(l))) return 'garbage';
  const names = lines.map((l) => l.slice(0, l.indexOf(':')).toLowerCase());
  if (new Set(names).size !== names.length) return 'twice';
  return lines.map((l) => /^content-length:\s*(\d+)\s*$/i.exec(l)?.[1]).find((v) => v !== undefined) ?? 'garbage';
}

export function resyncingInput(input: Readable): Transform {
  let buf = Buffer.alloc(64 * 1024);
  let len = 0;
  /** While a body is awaited: where it starts and ends, and how far it was searched for a frame start. */
  let bodyStart = -1;
  let bodyEnd = -1;
  let scanned = 0;

  /** Offset of the first frame start in buf[from, to), or -1. */
  const frameStart = (from: number, to: number): number => {
    FRAME_START.lastIndex = 0;
    // Scan in latin1 (one char per byte) so that indexes are byte offsets.
    const match = FRAME_START.exec(buf.toString('latin1', from, to));
    return match ? from + match.index : -1;
  };
  /** Moves the unconsumed bytes from `pos` to the front, growing or shrinking buf to fit `more`. */
  const compact = (pos: number, more: number) => {
    const keep = len - pos;
    let target = buf;
    if (keep + more > buf.length) target = Buffer.allocUnsafe(Math.max(2 * buf.length, keep + more));
    else if (buf.length > 1024 * 1024 && 4 * (keep + more) < buf.length) target = Buffer.allocUnsafe(Math.max(64 * 1024, 2 * (keep + more)));
    if (target === buf && pos === 0) return;
    buf.copy(target, 0, pos, len);
    buf = target;
    len = keep;
    if (bodyStart >= 0) {
      bodyStart -= pos;
      bodyEnd -= pos;
      scanned -= pos;
    }
  };

  const framer = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (len + chunk.length > buf.length) compact(0, chunk.length);
      chunk.copy(buf, len);
      len += chunk.length;
      let pos = 0;
      for (;;) {
        if (bodyStart < 0) {
          const end = buf.subarray(pos, len).indexOf(HEADER_END);
          if (end < 0) {
            // No complete header block yet: keep waiting, unless it is too long to be one.
            if (len - pos > MAX_HEADER) {
              const next = frameStart(pos + 1, len);
              pos = next < 0 ? len - 64 : next;
              continue;
            }
            break;
          }
          const length = contentLength(buf.toString('latin1', pos, pos + end));
          if (length === 'garbage') {
            // Garbage: resume at the next frame start (or after this block, until one comes).
            const next = frameStart(pos + 1, len);
            pos = next < 0 ? pos + end + HEADER_END.length : next;
            continue;
          }
          if (length === 'twice') {
            // The whole block goes (its second Content-Length is no frame start); the body that
            // follows is garbage before the next frame.
            pos += end + HEADER_END.length;
            continue;
          }
          bodyStart = scanned = pos + end + HEADER_END.length;
          bodyEnd = bodyStart + Number(length);
        }
        // A frame start inside the declared body means the declared length was wrong: cut there.
        const limit = Math.min(len, bodyEnd);
        const inside = scanned < limit ? frameStart(Math.max(bodyStart, scanned - 64), Math.min(len, limit + 64)) : -1;
        if (inside >= 0 && inside < bodyEnd) {
          pos = inside;
          bodyStart = bodyEnd = -1;
          continue;
        }
        scanned = limit;
        if (len < bodyEnd) break;
        if (!nestedDeeper(buf.subarray(bodyStart, bodyEnd), MAX_JSON_DEPTH)) this.push(Buffer.from(buf.subarray(pos, bodyEnd)));
        else {
          const replacement = rejected(buf.subarray(bodyStart, bodyEnd));
          if (replacement) this.push(replacement);
        }
        pos = bodyEnd;
        bodyStart = bodyEnd = -1;
      }
      compact(pos, 0);
      done();
    },
  });
  input.pipe(framer);
  return framer;
}
