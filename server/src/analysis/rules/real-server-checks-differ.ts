// Real servers of one virtual_server are normally checked alike; a lone different check type,
// port or timeout is usually copy-paste drift.
import type { ConfigNode } from '../model/config-tree.js';
import { virtualServers, type RealServerView } from '../model/lvs.js';
import type { Rule } from '../rule.js';

/** The settings compared between real servers: check type and its direct options. */
function signature(rs: RealServerView): Map<string, string> {
  const out = new Map<string, string>([['check', rs.check?.keyword.value ?? 'none']]);
  for (const option of rs.check?.children ?? []) {
    if (option.children.length === 0 && option.items.length === 0) out.set(option.keyword.value, option.args.map((a) => a.value).join(' '));
  }
  return out;
}

/** The value most real servers agree on, when a clear majority exists. */
function majority(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const [best, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  return count !== undefined && count * 2 > values.length ? best : undefined;
}

function optionNode(rs: RealServerView, key: string): ConfigNode {
  if (key === 'check') return rs.check ?? rs.node;
  return rs.check?.children.find((c) => c.keyword.value === key) ?? rs.check ?? rs.node;
}

export const realServerChecksDiffer: Rule = {
  meta: {
    id: 'real-server-checks-differ',
    defaultSeverity: 'warning',
    category: 'lvs',
    description: 'Real servers of one virtual_server whose health checks differ from the others (type, connect_port, timeouts): usually copy-paste drift.',
    fixable: false,
  },
  check(context) {
    for (const vs of virtualServers(context.tree.roots)) {
      if (vs.realServers.length < 3) continue; // with two there is no majority to judge by
      const signatures = vs.realServers.map(signature);
      const keys = new Set(signatures.flatMap((s) => [...s.keys()]));
      for (const key of keys) {
        const values = signatures.map((s) => s.get(key) ?? '(not set)');
        const usual = majority(values);
        if (usual === undefined) continue;
        values.forEach((value, i) => {
          if (value === usual) return;
          const rs = vs.realServers[i];
          const node = optionNode(rs, key);
          context.report({
            span: (key === 'check' || !node.args[0] ? node.keyword : node.args[0]).span,
            message: `real_server ${rs.address?.value ?? ''} checks ${key === 'check' ? 'with' : `${key} =`} ${value}, while the other real servers of this virtual_server use ${usual}; if this is not deliberate it is copy-paste drift`,
          });
        });
      }
    }
  },
};
