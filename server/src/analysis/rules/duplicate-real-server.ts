// The same real_server address and port twice in one virtual_server: IPVS cannot hold the
// same destination twice, so one entry (with its weight and health check) is lost.
import { childrenNamed } from '../model/config-tree.js';
import type { Rule } from '../rule.js';
import { describeBlock } from './helpers.js';

export const duplicateRealServer: Rule = {
  meta: {
    id: 'duplicate-real-server',
    defaultSeverity: 'error',
    category: 'lvs',
    description: 'The same real_server address and port listed twice in one virtual_server.',
    fixable: false,
  },
  check(context) {
    for (const vs of context.tree.all) {
      if (vs.def?.path !== 'virtual_server') continue;
      const seen = new Map<string, (typeof vs.children)[number]>();
      for (const rs of childrenNamed(vs, 'real_server')) {
        const [address, port] = rs.args;
        if (!address) continue;
        const key = `${address.value} ${port?.value ?? vs.args[1]?.value ?? ''}`;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, rs);
          continue;
        }
        if (first.keyword.span.start === rs.keyword.span.start && first.keyword.span.file === rs.keyword.span.file) continue;
        context.report({
          span: address.span,
          message: `real_server ${key.trim()} is listed twice in ${describeBlock(vs)} (first on ${context.lineRef(first.keyword.span, address.span)}); IPVS keeps one destination, so one entry's weight and health check are lost`,
          related: [{ span: first.args[0].span, message: 'first entry' }],
        });
      }
    }
  },
};
