// References to named objects that are not defined: track_script, track_file, track_process,
// sync group members, laddr_group_name, `virtual_server group`, BFD names ...
import resolvedWhenRead from '../../../../grammar/keywords/resolved-when-read.json';
import { missingRequirement } from '../model/required.js';
import { symbolKey } from '../model/symbols.js';
import type { Rule } from '../rule.js';
import { closeMatches } from './helpers.js';

/** Kinds keepalived resolves while reading, so a later definition is too late. */
const ORDERED = new Set(resolvedWhenRead.kinds);

export const undefinedReference: Rule = {
  meta: {
    id: 'undefined-reference',
    defaultSeverity: 'error',
    category: 'reference',
    description: 'A reference to a vrrp_script, vrrp_instance, track_file, local_address_group, ... that is not defined; keepalived ignores the reference.',
    fixable: true,
  },
  check(context) {
    const { symbols } = context;
    const unreadIncludes = context.parse.includes.some((i) => i.problems.length > 0);
    // Source order of the nodes, built only if a too-late definition has to be checked.
    let order: Map<unknown, number> | undefined;
    const indexOf = (node: unknown) => (order ??= new Map(context.tree.all.map((n, index) => [n, index]))).get(node)!;
    for (const ref of symbols.references) {
      const definitions = symbols.byKey.get(symbolKey(ref.kind, ref.name));
      if (definitions) {
        // keepalived drops a definition that lacks its essential keyword, and then the reference.
        const incomplete = definitions.every((d) => missingRequirement(d.node));
        const line = context.lineRef(definitions[0].word.span, ref.word.span);
        if (incomplete) {
          context.report({ span: ref.word.span, message: `${ref.kind} '${ref.name}' (${line}) is dropped by keepalived because it is incomplete, so this reference is ignored` });
        } else if (ORDERED.has(ref.kind) && definitions.every((d) => indexOf(d.node) > indexOf(ref.node))) {
          context.report({
            span: ref.word.span,
            message: `${ref.kind} '${ref.name}' is defined after this reference (${line}); keepalived looks it up when it reads this line, finds nothing and ignores the reference. Move the ${ref.kind} block above its first use`,
            related: [{ span: definitions[0].word.span, message: 'defined here, too late' }],
          });
        }
        continue;
      }
      const names = symbols.definitions.filter((d) => d.kind === ref.kind).map((d) => d.name);
      const candidates = closeMatches(ref.name, names);
      let message = `${ref.kind} '${ref.name}' is not defined; keepalived ignores this reference`;
      if (candidates.length > 0) message += `. Did you mean '${candidates[0]}'?`;
      if (unreadIncludes) message += ' (some included files could not be read, so it may be defined there)';
      context.report({
        span: ref.word.span,
        severity: unreadIncludes ? 'warning' : undefined,
        message,
        fix: candidates.length === 1 ? { title: `Replace with '${candidates[0]}'`, edits: [{ span: ref.word.span, newText: candidates[0] }] } : undefined,
      });
    }
  },
};
