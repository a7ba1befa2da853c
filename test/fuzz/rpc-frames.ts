// The fuzzer's RPC class: random streams of JSON-RPC frames, some nested far too deep, some with
// a header given twice, cut into random chunks, through the language server's stdin re-framer.
// Checked: every frame it passes on has one Content-Length, a body of that length nested at most
// MAX_JSON_DEPTH deep, and every valid frame of the stream comes out, unchanged and in order.
import { PassThrough } from 'node:stream';
import { MAX_JSON_DEPTH, resyncingInput } from '../../server/src/lsp/framing.js';
import { chance, inputSeed, int, mulberry32, pick, type Rng } from './random.js';

export interface RpcOutcome {
  failures: string[];
  frames: number;
  bytes: number;
}

const nested = (rng: Rng, depth: number) => {
  const open = Array.from({ length: depth }, () => (chance(rng, 0.5) ? '[' : '{"a":'));
  return open.join('') + '1' + open.reverse().map((o) => (o === '[' ? ']' : '}')).join('');
};

/** One stream: its bytes, and the valid frames that must come out of it. */
function stream(rng: Rng): { bytes: Buffer; valid: Buffer[] } {
  const parts: Buffer[] = [];
  const valid: Buffer[] = [];
  for (let i = int(rng, 1, 12); i > 0; i--) {
    const kind = pick(rng, ['valid', 'valid', 'deep', 'twice', 'deep-request']);
    const depth = kind.startsWith('deep') ? int(rng, MAX_JSON_DEPTH + 1, 20_000) : int(rng, 0, MAX_JSON_DEPTH - 2);
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...(kind === 'deep-request' ? { id: i } : {}), method: 'm', params: { text: '[{"\\\\' } }).replace('"m"', `"m","x":${nested(rng, depth)}`));
    const length = `Content-Length: ${body.length}\r\n`;
    const header = kind === 'twice' ? `${length}Content-Length: ${body.length + int(rng, 0, 3)}\r\n\r\n` : `${length}\r\n`;
    const frame = Buffer.concat([Buffer.from(header, 'ascii'), body]);
    if (kind === 'valid') valid.push(frame);
    parts.push(frame);
  }
  return { bytes: Buffer.concat(parts), valid };
}

/** Splits passed-on bytes back into frames and checks each. */
function framesOf(out: Buffer, failures: string[]): Buffer[] {
  const frames: Buffer[] = [];
  for (let pos = 0; pos < out.length; ) {
    const end = out.indexOf('\r\n\r\n', pos);
    const headers = out.toString('latin1', pos, end).split('\r\n');
    const lengths = headers.filter((h) => /^content-length:/i.test(h));
    if (end < 0 || lengths.length !== 1) {
      failures.push(`passed on a header block with ${lengths.length} Content-Length headers`);
      return frames;
    }
    const bodyEnd = end + 4 + Number(lengths[0].split(':')[1]);
    let depth = 0;
    let deepest = 0;
    let inString = false;
    for (let i = end + 4; i < bodyEnd; i++) {
      const c = out[i];
      if (inString) {
        if (c === 0x5c) i++;
        else if (c === 0x22) inString = false;
      } else if (c === 0x22) inString = true;
      else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
      else if (c === 0x5d || c === 0x7d) depth--;
    }
    if (deepest > MAX_JSON_DEPTH) failures.push(`passed on a body nested ${deepest} deep`);
    frames.push(out.subarray(pos, bodyEnd));
    pos = bodyEnd;
  }
  return frames;
}

/** Input `index` of run `seed`: one random stream through the re-framer. */
export async function checkRpcStream(seed: number, index: number): Promise<RpcOutcome> {
  const rng = mulberry32(inputSeed(seed, index));
  const { bytes, valid } = stream(rng);
  const input = new PassThrough();
  const output = resyncingInput(input);
  const parts: Buffer[] = [];
  output.on('data', (d: Buffer) => parts.push(d));
  const ended = new Promise((resolve) => output.on('end', resolve));
  for (let at = 0; at < bytes.length; ) {
    const size = int(rng, 1, chance(rng, 0.5) ? 64 : 65_536);
    input.write(bytes.subarray(at, at + size));
    at += size;
  }
  input.end();
  await ended;
  const failures: string[] = [];
  const frames = framesOf(Buffer.concat(parts), failures);
  const passedValid = frames.filter((f) => valid.some((v) => v.equals(f)));
  if (passedValid.length !== valid.length || !passedValid.every((f, i) => f.equals(valid[i]))) failures.push(`${valid.length} valid frames went in, ${passedValid.length} came out in order`);
  return { failures, frames: valid.length, bytes: bytes.length };
}
