// Re-frames the client's byte stream before vscode-jsonrpc reads it, so that one malformed
// frame costs one message instead of the connection. vscode-jsonrpc's reader trusts every
// header: after garbage between frames or a wrong Content-Length it reads each following body
// as part of a header (or waits for bytes that never come) and answers nothing ever again.
// Here, a header block that does not parse is skipped up to the next `Content-Length:`, and a
// body that turns out to contain the next frame's `Content-Length: N\r\n` (which no JSON text
// can contain: JSON strings hold no raw CR or LF) is cut there. Valid frames pass unchanged.
import { Transform, type Readable } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');
const HEADER_LINE = /^[A-Za-z0-9-]+:[^\r\n]*$/;
/** A Content-Length header line: the only place a frame can start. */
const FRAME_START = /content-length:[ \t]*\d+[ \t]*\r\n/gi;
/** Bytes of a header block we wait for before treating it as garbage. */
const MAX_HEADER = 8 * 1024;

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
          const lines = buf.toString('latin1', pos, pos + end).split('\r\n');
          const length = lines.every((l) => HEADER_LINE.test(l))
            ? lines.map((l) => /^content-length:\s*(\d+)\s*$/i.exec(l)?.[1]).find((v) => v !== undefined)
            : undefined;
          if (length === undefined) {
            // Garbage: resume at the next frame start (or after this block, until one comes).
            const next = frameStart(pos + 1, len);
            pos = next < 0 ? pos + end + HEADER_END.length : next;
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
        this.push(Buffer.from(buf.subarray(pos, bodyEnd)));
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
