// Whether a new name for a named object (vrrp_script, vrrp_instance, local_address_group, ...)
// reads back as that name. keepalived splits a line into words at blanks and braces, starts a
// comment at `#` or `!`, takes `"` as a quote, `$NAME`/`@id`/`~SEQ` as preprocessor forms and
// `\` as an escape (read_line()/alloc_strvec() in lib/parser.c); object names are looked up by
// exact string, so a name already given to another object of the kind merges the two.
import { matchWord } from '../../../../grammar/tokens.js';

/** Why `name` cannot replace the name of an object of `kind`; undefined when it can. */
export function renameProblem(kind: string, name: string, taken: ReadonlySet<string>): string | undefined {
  if (name === '') return 'a name cannot be empty';
  if (/^[#!]/.test(name)) return `'${name}' would start a comment`;
  if (matchWord(name, 0)?.[0] !== name) return `keepalived would not read '${name}' as one word (blanks, braces, quotes, # and ! end a word)`;
  if (/^[$@~]/.test(name)) return `'${name}' would be read as a ${name[0] === '$' ? '$NAME expansion' : name[0] === '@' ? 'configuration id (@id)' : 'sequence (~SEQ)'}`;
  if (name.includes('\\')) return `'${name}' has a backslash, which keepalived reads as an escape`;
  if (taken.has(name)) return `a ${kind} named '${name}' already exists; keepalived would use one of them for both`;
  return undefined;
}
