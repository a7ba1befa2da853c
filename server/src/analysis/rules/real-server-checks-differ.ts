// Real servers of one virtual_server are normally checked alike; a lone different check type,
// port or timeout is usually copy-paste drift.
import type { ConfigNode } from '../model/config-tree.js';
import { virtualServers, type RealServerView } from '../model/lvs.js';
import type { Rule, RuleContext } from '../rule.js';

/** The direct options of a real server's health check (connect_port, timeouts ...). */
function options(rs: RealServerView): Map<string, string> {
  const out = new Map<string, string>();
  for (const option of rs.check?.children ?? []) {
    if (option.children.length === 0 && option.items.length === 0) out.set(option.keyword.value, option.args.map((a) => a.value).join(' '));
  }
  return out;
}

/** keepalived checks the real server's own address and port unless connect_port says otherwise. */
const checkedPort = (rs: RealServerView, set: Map<string, string>) => set.get('connect_port') ?? rs.port?.value ?? '(not set)';
const OWN_PORT = 'their own port';

/** The value most real servers agree on, when a clear majority exists. */
function majority(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const [best, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  return count !== undefined && count * 2 > values.length ? best : undefined;
}

const checkType = (rs: RealServerView) => rs.check?.keyword.value ?? 'no check';

function report(context: RuleContext, rs: RealServerView, node: ConfigNode, what: string, usual: string): void {
  context.report({
    span: (node === rs.node ? rs.address ?? node.keyword : node.args[0] ?? node.keyword).span,
    message: `real_server ${rs.address?.value ?? ''} ${what}, while the other real servers of this virtual_server use ${usual}; if this is not deliberate it is copy-paste drift`,
  });
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
      const usualType = majority(vs.realServers.map(checkType));
      if (usualType === undefined) continue;
      const alike = vs.realServers.filter((rs) => checkType(rs) === usualType);
      for (const rs of vs.realServers) {
        if (checkType(rs) !== usualType) report(context, rs, rs.check ?? rs.node, `checks with ${checkType(rs)}`, usualType);
      }
      const settings = alike.map(options);
      for (const key of new Set(settings.flatMap((s) => [...s.keys()]))) {
        let values = settings.map((s) => s.get(key) ?? '(not set)');
        if (key === 'connect_port') {
          // Real servers on different ports that each check their own port are alike.
          const ports = alike.map((rs, i) => checkedPort(rs, settings[i]));
          const own = alike.map((rs, i) => (ports[i] === rs.port?.value ? OWN_PORT : ports[i]));
          values = majority(own) === OWN_PORT ? own.map((v, i) => (v === OWN_PORT ? majority(ports) ?? OWN_PORT : ports[i])) : ports;
        }
        const usual = majority(values);
        if (usual === undefined) continue;
        alike.forEach((rs, i) => {
          if (values[i] === usual) return;
          const node = rs.check?.children.find((c) => c.keyword.value === key) ?? rs.check!;
          report(context, rs, node, `sets ${key} to ${values[i]}`, usual);
        });
      }
    }
  },
};
