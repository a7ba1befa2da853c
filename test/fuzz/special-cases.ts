// Hand-written hostile inputs, one per case the fuzzer is meant to cover, each named so a
// failure says which. specialCases runs in CI; bigSpecialCases only in bench/fuzz.mjs.
import { HOSTILE_GLOBS, longNameFiles } from './hostile-globs.js';
import { MAIN_DIR, MAIN_PATH, type FuzzInput } from './mutate.js';

const SELF = `include ${MAIN_PATH}\n`;
const asInputs = (cases: Array<[string, string, Record<string, string>?]>): FuzzInput[] =>
  cases.map(([name, text, files]) => ({ label: `special=${name}`, path: MAIN_PATH, text, files: files ?? {} }));

/**
 * Hand-written hostile inputs for each case the fuzzer is meant to cover, named. Sized so that
 * all of them together take a few seconds: CI checks every one.
 */
export function specialCases(sample: string): FuzzInput[] {
  const bytes = Buffer.from(sample, 'utf8');
  const flipped = Buffer.from(bytes);
  for (let i = 0; i < flipped.length; i += 7) flipped[i] ^= 0xa5;
  const invalid = Buffer.concat([bytes, Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xff, 0xfe, 0xed, 0xa0, 0x80])]);
  return asInputs([
    ['empty', ''],
    ['only-newlines', '\n'.repeat(1000)],
    ['invalid-utf8-decoded-utf8', invalid.toString('utf8')],
    ['invalid-utf8-decoded-latin1', invalid.toString('latin1')],
    ['flipped-bytes-utf8', flipped.toString('utf8')],
    ['flipped-bytes-latin1', flipped.toString('latin1')],
    ['truncated-mid-character', Buffer.from(`router_id é€😀\n${sample}`, 'utf8').subarray(0, 13).toString('utf8')],
    ['lone-surrogates', `router_id \uD800\nvrrp_instance \uDFFF {\n  state MASTER\uD83D\n}\n`],
    ['nul-bytes', `router_id a\0b\n\0\0\0\nvrrp_instance V {\0}\n${sample}\0`],
    ['brace-storm-open', `${sample}${'{'.repeat(5000)}`],
    ['brace-storm-close', `${'}'.repeat(7000)}${sample}`],
    ['brace-storm-alternating', `${'}{'.repeat(5000)}\n${sample}`],
    ['huge-line-word', `router_id ${'x'.repeat(100_000)}\n${sample}`],
    ['huge-line-quoted', `notify "${'q'.repeat(100_000)}"\n`],
    ['huge-line-comment', `# ${'#'.repeat(100_000)}\n${sample}`],
    ['huge-line-spaces', `${' '.repeat(100_000)}router_id x\n`],
    ['huge-line-words', `virtual_ipaddress { ${'10.0.0.1 '.repeat(11_000)}}\n`],
    ['deep-nesting', `${'a {\n'.repeat(10_000)}${'}\n'.repeat(10_000)}`],
    ['deep-nesting-unclosed', 'vrrp_instance V {\n'.repeat(10_000)],
    ['deep-nesting-one-line', `${'{'.repeat(10_000)}${'}'.repeat(10_000)}`],
    ['many-statements-one-line', `${'a { '.repeat(50_000)}${'} '.repeat(50_000)}\n`],
    ['quote-storm-odd', `${'"'.repeat(3001)}\n${'}{'.repeat(2000)}`],
    ['quote-storm-lines', `${'"\n'.repeat(5000)}${sample}`],
    ['quote-storm-escapes', `notify "${'\\"'.repeat(3000)}\n`],
    ['self-definition', `$A=$A $A\nrouter_id $A\n${sample}`],
    ['self-definition-braced', `$A=\${A}\${A}\nrouter_id \${A}\n`],
    ['mutual-definitions', `$A=$B\n$B=$A\nrouter_id $A $B\n`],
    ['definition-explosion', `${['$D0=lol lol', ...Array.from({ length: 64 }, (_, i) => `$D${i + 1}=$D${i} $D${i}`)].join('\n')}\nrouter_id $D64\n`],
    ['multiline-definition-unterminated', `$M=a \\\nb \\\n`],
    ['multiline-definition-self', `$M=x \\\n$M \\\n\n$M\n`],
    ['seq-20k', '~SEQ(i,1,20000) x $i\n'],
    ['seq-over-limit', '~SEQ(i,1,1000000) x\n'],
    ['seq-max-safe-integer', '~SEQ(i,-9007199254740991,9007199254740991) x\n~SEQ(i,9007199254740991) x\n~SEQ(i,99999999999999999999) x\n'],
    ['seq-step-zero', '~SEQ(i,1,0,5) x $i\n'],
    ['seq-nested', '~SEQ(i,1,100) ~SEQ(j,1,100) x $i $j\n'],
    ['seq-blocks', '~SEQ(i,1,1000) vrrp_instance VI_$i { virtual_router_id $i }\n'],
    ['seq-with-self-definition', '$A=~SEQ(i,1,3) $A\n$A\n'],
    ['lst-mismatched', '~LST({A,B},{1},{3,4,5}) x $A $B\n~LST( x\n~LST(v) y\n'],
    ['at-ids', `@lb1 router_id a\n@^lb1 router_id b\n@ x\n@lb1@lb2 y\n@{ z\n${sample.split('\n').map((l, i) => `@h${i % 5} ${l}`).join('\n')}`],
    ['at-ids-every-line', sample.split('\n').map((l, i) => `@h${i} ${l}`).join('\n')],
    ['include-self', `${SELF}${sample}`, {}],
    ['include-self-relative', `include keepalived.conf\n${sample}`, {}],
    ['include-missing', `include /nowhere/*.conf\nincluder missing.conf\nincludem conf.d/{x,y}.conf\ninclude\n${sample}`, {}],
    ['include-cycle', `include conf.d/a.conf\n${sample}`, { [`${MAIN_DIR}/conf.d/a.conf`]: 'include b.conf\n', [`${MAIN_DIR}/conf.d/b.conf`]: 'include a.conf\n' }],
    ['include-unbalanced', `vrrp_instance V {\ninclude conf.d/a.conf\n}\n}\n`, { [`${MAIN_DIR}/conf.d/a.conf`]: '}\n}\n{\n{\n' }],
    ['include-glob-self', 'include *.conf\ninclude ../keepalived/*\n', {}],
    ['include-deep-chain', 'include c0.conf\n', Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`${MAIN_DIR}/c${i}.conf`, `include c${i + 1}.conf\nrouter_id r${i}\n`]))],
    ['include-fanout', 'include many/*.conf\n', Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`${MAIN_DIR}/many/f${i}.conf`, 'include ../many/*.conf\n']))],
    ['include-with-definitions', '$F=conf.d/a.conf\ninclude $F\n$A\n', { [`${MAIN_DIR}/conf.d/a.conf`]: '$A=$A $A\n' }],
    ['crlf', sample.replace(/\n/g, '\r\n')],
    ['cr-only', sample.replace(/\n/g, '\r')],
    ['trailing-backslash', `${sample}\\`],
    ['comment-continuation', `router_id a # note \\\nvrrp_instance V {\n}\n! x \\\n`],
    ...HOSTILE_GLOBS.map(([name, pattern]): [string, string, Record<string, string>] => [`glob-${name}`, `include ${pattern}\n${sample}`, longNameFiles(MAIN_DIR)]),
    ['line-1023-bytes-multibyte', `router_id ${'é'.repeat(507)}\nrouter_id ${'€'.repeat(338)}x\n${'x'.repeat(1022)}é\n`],
  ]);
}

/** Bigger versions for bench/fuzz.mjs only: each takes seconds. */
export function bigSpecialCases(): FuzzInput[] {
  return asInputs([
    ['seq-100k', '~SEQ(i,1,100000) x $i\n'],
    ['seq-nested-300', '~SEQ(i,1,300) ~SEQ(j,1,300) x $i $j\n'],
    ['seq-repeated-to-line-limit', '~SEQ(i,1,100000) x\n'.repeat(6)],
    ['many-empty-blocks-one-line', `${'x {} '.repeat(100_000)}\n`],
    ['deep-nesting-20k', `${'a {\n'.repeat(20_000)}${'}\n'.repeat(20_000)}`],
    ['self-definition-40-uses', `$A=$A $A\n${'router_id $A\n'.repeat(40)}`],
    // Found by the fuzzer: grouping same-named definitions copied the group on every addition.
    ['same-name-30k', 'vrrp_instance V { }\n'.repeat(30_000)],
    ['at-ids-1000', Array.from({ length: 1000 }, (_, i) => `@h${i} vrrp_instance V${i} { virtual_router_id ${i % 255} }`).join('\n')],
    // One NUL byte and many lines, in a text that is not all Latin-1 (slower string search).
    ['nul-then-100k-lines', `\0\u20ac\n${'x\n'.repeat(100_000)}`],
    ['nul-after-100k-lines', `\u20ac\n${'x\n'.repeat(100_000)}\0`],
    ['include-fanout-1500', 'include many/*.conf\n', Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`${MAIN_DIR}/many/f${i}.conf`, 'include ../many/*.conf\n']))],
    // Found by the security review: the lexer's regular expressions overflowed on one 8.4 MB word,
    // stray braces cost a diagnostic each, spreads of big arrays overflowed the stack.
    ['word-8mb', `router_id ${'x'.repeat(8_400_000)}\n`],
    ['quoted-8mb', `notify "${'q'.repeat(8_400_000)}"\n`],
    ['escapes-8mb', `router_id ${'\\x'.repeat(4_200_000)}\n`],
    ['stray-braces-50k-one-line', `${'{}'.repeat(50_000)}\n`],
    ['words-200k-invisible', `virtual_ipaddress {\n${'\u200b10.0.0.1 '.repeat(200_000)}\n}\n`],
    ['unknown-keywords-130k', 'foo_bar\n'.repeat(130_000)],
  ]);
}
