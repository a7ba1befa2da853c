// A deterministic mutator for fuzzing: from a seed and a base config it builds hostile variants
// (byte flips and invalid UTF-8, truncation, brace and quote storms, huge lines, NUL bytes,
// deep nesting, self-referential definitions, big ~SEQ ranges, `@id` lines, includes of missing
// and self files). The same (seed, index, bases) always gives the same input, so every failure
// is reproducible from its label. No dependencies: usable from vitest and from bench/fuzz.mjs.
// Hostile include globs come from hostile-globs.ts.
import { chance, int, inputSeed, mulberry32, pick, type Rng } from './random.js';
import { HOSTILE_GLOBS, longNameFiles } from './hostile-globs.js';

/** Where the fuzzed file lives; includes are resolved against its directory. */
export const MAIN_PATH = '/etc/keepalived/keepalived.conf';
export const MAIN_DIR = MAIN_PATH.slice(0, MAIN_PATH.lastIndexOf('/'));

export interface FuzzInput {
  /** How to get this input again: the seed/index or special-case name, base and mutations. */
  label: string;
  path: string;
  text: string;
  /** Other files of an in-memory include host (path -> text); the main file is added by the harness. */
  files: Record<string, string>;
}

export interface Base {
  name: string;
  text: string;
}

/** Mutable state a mutation may add to besides the text. */
interface Context {
  files: Record<string, string>;
}

type Mutation = (rng: Rng, text: string, context: Context) => string;

/** Offset to insert at: anywhere (even inside a word or a surrogate pair) or at a line start. */
function position(rng: Rng, text: string): number {
  const at = int(rng, 0, text.length);
  if (chance(rng, 0.5)) return at;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return lineStart;
}

const insertAt = (text: string, at: number, piece: string) => text.slice(0, at) + piece + text.slice(at);
const insert = (rng: Rng, text: string, piece: string) => insertAt(text, position(rng, text), piece);
/** Inserts whole lines at a line boundary. */
const insertLines = (rng: Rng, text: string, lines: string) => {
  const at = position(rng, text);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return insertAt(text, lineStart, lines.endsWith('\n') ? lines : `${lines}\n`);
};

function randomBytes(rng: Rng, n: number): Buffer {
  const bytes = Buffer.alloc(n);
  for (let i = 0; i < n; i++) bytes[i] = int(rng, 0, 255);
  return bytes;
}

/** The UTF-8 encoding of `text` with up to 24 random bytes changed. */
function flipBytes(rng: Rng, text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  for (let n = int(rng, 1, 24); n > 0 && bytes.length > 0; n--) bytes[int(rng, 0, bytes.length - 1)] ^= int(rng, 1, 255);
  return bytes;
}

const decode = (rng: Rng, bytes: Buffer) => bytes.toString(chance(rng, 0.5) ? 'utf8' : 'latin1');

/** Cheap mutations: they keep the input about the size of the base. */
export const MUTATIONS: Record<string, Mutation> = {
  'byte-flip-utf8': (rng, text) => flipBytes(rng, text).toString('utf8'),
  'byte-flip-latin1': (rng, text) => flipBytes(rng, text).toString('latin1'),
  'high-bit-bytes': (rng, text) => {
    // Bytes 0x80-0xff alone are never valid UTF-8: U+FFFD in utf8, accented letters in latin1.
    const bytes = Buffer.from(text, 'utf8');
    for (let n = int(rng, 1, 16); n > 0 && bytes.length > 0; n--) bytes[int(rng, 0, bytes.length - 1)] = int(rng, 0x80, 0xff);
    return decode(rng, bytes);
  },
  'binary-garbage': (rng, text) => insert(rng, text, decode(rng, randomBytes(rng, int(rng, 1, 600)))),
  truncate: (rng, text) => text.slice(0, int(rng, 0, text.length)),
  'truncate-bytes': (rng, text) => {
    // Cuts the UTF-8 encoding, possibly in the middle of a multi-byte character.
    const bytes = Buffer.from(text, 'utf8');
    return bytes.subarray(0, int(rng, 0, bytes.length)).toString('utf8');
  },
  'brace-storm': (rng, text) => {
    const n = int(rng, 1, 5000);
    const storm = pick(rng, ['{'.repeat(n), '}'.repeat(n), '}{'.repeat(n), '{\n'.repeat(n), `${'{'.repeat(n)}${'}'.repeat(int(rng, 0, 2 * n))}`]);
    return insert(rng, text, storm);
  },
  'single-brace': (rng, text) => insert(rng, text, pick(rng, ['{', '}', ' { ', ' } ', '\n}\n', '\n{\n', '{}', '}{'])),
  'nul-bytes': (rng, text) => {
    let out = text;
    for (let n = int(rng, 1, 8); n > 0; n--) out = insert(rng, out, pick(rng, ['\0', '\0\0\0', '\0\n', 'a\0b']));
    return out;
  },
  'delete-lines': (rng, text) => {
    const lines = text.split('\n');
    for (let n = int(rng, 1, Math.max(1, Math.floor(lines.length / 4))); n > 0 && lines.length > 0; n--) {
      lines.splice(int(rng, 0, lines.length - 1), int(rng, 1, 5));
    }
    return lines.join('\n');
  },
  'duplicate-lines': (rng, text) => {
    const lines = text.split('\n');
    const from = int(rng, 0, lines.length - 1);
    const chunk = lines.slice(from, from + int(rng, 1, 30));
    const copies = int(rng, 1, 4);
    const to = int(rng, 0, lines.length);
    for (let i = 0; i < copies; i++) lines.splice(to, 0, ...chunk);
    return lines.join('\n');
  },
  'swap-lines': (rng, text) => {
    const lines = text.split('\n');
    for (let n = int(rng, 1, 10); n > 0; n--) {
      const a = int(rng, 0, lines.length - 1);
      const b = int(rng, 0, lines.length - 1);
      [lines[a], lines[b]] = [lines[b], lines[a]];
    }
    return lines.join('\n');
  },
  'splice-words': (rng, text) => {
    // Moves real words of the file to random places: plausible keywords in implausible spots.
    const words = text.match(/[^\s{}]+/g) ?? ['x'];
    let out = text;
    for (let n = int(rng, 1, 12); n > 0; n--) out = insert(rng, out, `${pick(rng, ['', ' ', '\n'])}${pick(rng, words)}${pick(rng, ['', ' ', '\n'])}`);
    return out;
  },
  'quote-storm': (rng, text) => {
    const n = int(rng, 1, 3001);
    return insert(rng, text, pick(rng, ['"'.repeat(n), `"${'a'.repeat(n)}`, '"{'.repeat(n), '"\n'.repeat(n), `"#"!"${'\\"'.repeat(n)}`, `"${'}'.repeat(n)}"`]));
  },
  'unterminated-quote': (rng, text) => insert(rng, text, pick(rng, ['"', ' "abc', '"a { b', '"\\', "'", '"#', '"\n'])),
  'comment-chars': (rng, text) => insert(rng, text, pick(rng, ['#', '!', '\\#', '\\!', '# \\', '! comment \\\n', '#{', '!}', '\\'])),
  'line-continuation': (rng, text) => {
    const lines = text.split('\n');
    for (let n = int(rng, 1, 6); n > 0; n--) {
      const i = int(rng, 0, lines.length - 1);
      lines[i] += pick(rng, ['\\', ' \\', '\\\\', ' \\ ', '\\\r']);
    }
    return lines.join('\n');
  },
  definitions: (rng, text) => {
    // Ordinary and multi-line definitions, used before and after they are defined.
    const name = pick(rng, ['IF', 'VIP', 'PRIO', 'BLOCK']);
    const value = pick(rng, ['eth0', '10.0.0.1/24', '100', 'a { b }', '{', '}', '"quoted value"', '\\\n  state MASTER \\\n  priority 100', '', `\\\n$${name}`, `x \\\n$${name} y`]);
    let out = insertLines(rng, text, `$${name}=${value}`);
    for (let n = int(rng, 1, 4); n > 0; n--) out = insert(rng, out, pick(rng, [` $${name}`, ` \${${name}}`, `\n$${name}\n`, ` $${name}x`, ` \${${name}`]));
    return out;
  },
  'seq-line': (rng, text) => {
    const line = pick(rng, [
      `~SEQ(i,1,${int(rng, 1, 50)}) vrrp_instance VI_$i { virtual_router_id $i }`,
      `~SEQ(i,${int(rng, -5, 5)},${int(rng, -3, 3)},${int(rng, -50, 50)}) real_server 10.0.0.$i 80 { weight 1 }`,
      '~SEQ(i,1,0,5) x $i',
      '~SEQ(i,0) x',
      '~SEQ(i) x',
      '~SEQ(,1,2) x',
      '~SEQ(i,1,2',
      '~SEQx(i,0x0,0x1,0xa) x $i',
      '~SEQ(i,1,10) ~SEQ(j,1,10) x $i $j',
      '~LST(v,a,b,c) router_id $v',
      '~LST({A,B},{1,2},{3,4}) x $A $B',
      '~LST({A,B},{1},{3,4,5}) x $A $B',
      '~LST( x',
      `~SEQ(i,1,${int(rng, 1, 20)}) {`,
      `~SEQ(i,1,${int(rng, 1, 20)}) }`,
    ]);
    return insertLines(rng, text, line);
  },
  'at-id': (rng, text) => {
    const lines = text.split('\n');
    for (let n = int(rng, 1, Math.max(1, Math.floor(lines.length / 3))); n > 0; n--) {
      const i = int(rng, 0, lines.length - 1);
      lines[i] = `${pick(rng, ['@lb1 ', '@lb2 ', '@^lb1 ', '@', '@ ', '@^', '@lb1@lb2 ', '@{ ', '@"x" '])}${lines[i]}`;
    }
    return lines.join('\n');
  },
  include: (rng, text, context) => {
    const keyword = pick(rng, ['include', 'include', 'includer', 'includem', 'includew', 'includeb', 'includea']);
    const pattern = pick(rng, [
      MAIN_PATH, 'keepalived.conf', './keepalived.conf', '*.conf', 'conf.d/*.conf', 'conf.d/a.conf', 'missing.conf', '/nowhere/*.conf',
      'conf.d/{a,b,zz}.conf', '../../../../etc/passwd', '', '"conf.d/a.conf"', '*', 'conf.d/?.conf', 'conf.d/loop.conf',
    ]);
    context.files[`${MAIN_DIR}/conf.d/a.conf`] ??= pick(rng, ['vrrp_script chk { script "/bin/true" }\n', 'include ../keepalived.conf\n', '}\n', '{\n', `include ${MAIN_PATH}\n`, '$A=x\n$A ${A}\n', '']);
    context.files[`${MAIN_DIR}/conf.d/b.conf`] ??= 'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    weight 1\n  }\n';
    context.files[`${MAIN_DIR}/conf.d/loop.conf`] ??= 'include loop.conf\n';
    return insertLines(rng, text, `${keyword} ${pattern}`);
  },
  'odd-characters': (rng, text) => {
    let out = text;
    for (let n = int(rng, 1, 10); n > 0; n--) {
      out = insert(rng, out, pick(rng, ['\uD800', '\uDFFF', '\uFFFD', '\uFFFF', '\uFEFF', '\u00A0', '\u2028', '\u2029', '\r', '\t', '\v', '\f', '\x1b[31m', 'é', '😀', '\u0301', '\x7f']));
    }
    return out;
  },
  'line-endings': (rng, text) => pick(rng, [text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r'), text.replace(/\r?\n/g, '\n\r'), `${text}\r\n\n`, text.replace(/\n/g, '')]),
  'line-length-edge': (rng, text) => {
    // Lines right at keepalived's 1023-byte buffer, with multi-byte characters across the edge.
    const length = int(rng, 1015, 1030);
    const filler = pick(rng, ['x', 'é', '€', '😀', ' ', '{']);
    let body = 'router_id ';
    while (Buffer.byteLength(body) < length) body += filler;
    return insertLines(rng, text, pick(rng, [body, `${body}\\`, `# ${body}`, `"${body}"`, `${body} {`]));
  },
};

/** Expensive mutations: big inputs that probe limits. At most one is applied per input. */
export const HEAVY_MUTATIONS: Record<string, Mutation> = {
  'huge-line': (rng, text) => {
    const n = 100_000;
    return insertLines(rng, text, pick(rng, [
      `router_id ${'x'.repeat(n)}`, 'x'.repeat(n), `"${'a'.repeat(n)}"`, `# ${'c'.repeat(n)}`, ' '.repeat(n), `${'a '.repeat(n / 2)}`, `$H=${'h'.repeat(n)}\nrouter_id $H`,
    ]));
  },
  'deep-nesting': (rng, text) => {
    const depth = 10_000;
    const open = pick(rng, ['a {\n', 'vrrp_instance V {\n', '{\n', 'virtual_server 10.0.0.1 80 {\n', 'virtual_ipaddress {\n']);
    const close = chance(rng, 0.8) ? '}\n'.repeat(depth) : '';
    return insertLines(rng, text, open.repeat(depth) + close);
  },
  'many-statements-one-line': (rng, text) => {
    const n = 100_000;
    return insertLines(rng, text, pick(rng, [`${'a { '.repeat(n / 2)}${'} '.repeat(n / 2)}`, 'x {} '.repeat(n), 'priority 1 } '.repeat(n), `vrrp_instance V {${' state MASTER }{'.repeat(n / 2)}`]));
  },
  'many-lines': (rng, text) => {
    const n = int(rng, 10_000, 50_000);
    return insertLines(rng, text, pick(rng, ['router_id x\n', '}\n', '{\n', '\n', 'vrrp_instance V { }\n', '@id x\n']).repeat(n));
  },
  'big-seq': (rng, text) => {
    const line = pick(rng, [
      '~SEQ(i,1,100000) x $i',
      '~SEQ(i,0,1,99999) vrrp_instance VI_$i { virtual_router_id $i }',
      '~SEQ(i,1,1000000) x',
      '~SEQ(i,9007199254740991) x',
      '~SEQ(i,-9007199254740991,9007199254740991) x',
      '~SEQx(i,0x0,0xfffffff) x',
      '~SEQ(i,1,300) ~SEQ(j,1,300) x $i $j',
      '~SEQ(i,1,100000) ~SEQ(j,1,100000) x',
    ]);
    return insertLines(rng, text, chance(rng, 0.3) ? `${line}\n${line}\n${line}\n${line}\n${line}\n${line}` : line);
  },
  'self-definition': (rng, text) => {
    // Heavy because each use of a self-referential definition costs about 200 ms now (up to 1000
    // substitutions into a growing line); the special cases check one use of each form in CI.
    const name = pick(rng, ['A', 'IF', 'X_1', 'VIP']);
    const definition = pick(rng, [
      `$${name}=$${name} $${name}`,
      `$${name}=\${${name}}\${${name}}`,
      `$${name}=$${name}`,
      `$${name}=x $${name} y`,
      `$${name}=$B\n$B=$${name}`,
      `$${name}=\${${name}\n`,
      `$${name}=${'$'.repeat(int(rng, 1, 50))}`,
      `$${name}=$${name} \\\n$${name} \\`,
      `$${name}=~SEQ(i,1,3) $${name}`,
    ]);
    let out = insertLines(rng, text, definition);
    for (let n = int(rng, 1, 5); n > 0; n--) {
      out = insertLines(rng, out, pick(rng, [`router_id $${name}`, `\${${name}}`, `$${name}`, `interface $${name} \${${name}}`, `priority \${${name}`]));
    }
    return out;
  },
  'definition-explosion': (rng, text) => {
    // "Billion laughs": each definition doubles the one before; a naive expansion never ends.
    const levels = int(rng, 20, 64);
    const lines = ['$D0=lol lol'];
    for (let i = 1; i <= levels; i++) lines.push(pick(rng, [`$D${i}=$D${i - 1} $D${i - 1}`, `$D${i}=\${D${i - 1}}\${D${i - 1}}`]));
    lines.push(`router_id $D${levels}`);
    return insertLines(rng, text, lines.join('\n'));
  },
  'many-at-ids': (rng, text) => {
    // Every distinct config id is one more variant for lint to check.
    const lines = text.split('\n');
    const ids = int(rng, 20, 200);
    return lines.map((line, i) => `@h${i % ids} ${line}`).join('\n');
  },
  // Cheap, but listed here so CI's fixed-seed inputs (heavyChance 0) stay the same; CI checks
  // every hostile glob as a special case.
  'hostile-glob': (rng, text, context) => {
    Object.assign(context.files, longNameFiles(MAIN_DIR));
    return insertLines(rng, text, `include ${pick(rng, HOSTILE_GLOBS)[1]}`);
  },
  'include-fanout': (rng, text, context) => {
    const n = int(rng, 100, 1500);
    for (let i = 0; i < n; i++) context.files[`${MAIN_DIR}/many/f${i}.conf`] = pick(rng, [`include ../many/*.conf\n`, `vrrp_instance V${i} {\n}\n`, '{\n']);
    return insertLines(rng, text, 'include many/*.conf');
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);
export const HEAVY_MUTATION_NAMES = Object.keys(HEAVY_MUTATIONS);

export interface GenerateOptions {
  /** Chance that an input also gets one heavy mutation. */
  heavyChance?: number;
}

/** Applies named mutations in order; the result is the same for the same (seed, names, base). */
export function applyMutations(seed: number, base: Base, names: readonly string[]): FuzzInput {
  const rng = mulberry32(seed);
  const context: Context = { files: {} };
  let text = base.text;
  for (const name of names) {
    const mutation = MUTATIONS[name] ?? HEAVY_MUTATIONS[name];
    if (!mutation) throw new Error(`unknown mutation '${name}'`);
    text = mutation(rng, text, context);
  }
  return { label: `seed=${seed} base=${base.name} mutations=${names.join(',')}`, path: MAIN_PATH, text, files: context.files };
}

/**
 * Input `index` of the run with `seed`: a base picked from `bases`, then one to four cheap
 * mutations and sometimes one heavy one. The label says how to rebuild it.
 */
export function generate(seed: number, index: number, bases: readonly Base[], options: GenerateOptions = {}): FuzzInput {
  const own = inputSeed(seed, index);
  const rng = mulberry32(own);
  const base = bases[Math.floor(rng() * bases.length)];
  const names: string[] = [];
  for (let n = int(rng, 1, 4); n > 0; n--) names.push(pick(rng, MUTATION_NAMES));
  if (chance(rng, options.heavyChance ?? 0.04)) names.splice(int(rng, 0, names.length), 0, pick(rng, HEAVY_MUTATION_NAMES));
  const input = applyMutations(own, base, names);
  return { ...input, label: `run-seed=${seed} index=${index} input-seed=${own} base=${base.name} mutations=${names.join(',')}` };
}
