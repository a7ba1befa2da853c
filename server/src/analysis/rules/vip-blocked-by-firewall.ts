// A firewall rule on the host that drops or rejects traffic to a VIP or a virtual server:
// the address is up, keepalived is happy, and nothing gets through.
import { vipUses } from '../host/addresses.js';
import type { FirewallRuleFact } from '../host/context.js';
import { virtualServers } from '../model/lvs.js';
import { parseIp } from '../net/ip.js';
import type { Rule, RuleContext } from '../rule.js';

function report(context: RuleContext, what: string, span: Parameters<RuleContext['report']>[0]['span'], rule: FirewallRuleFact, host: string): void {
  context.report({
    span,
    message: `${what} is blocked on ${host}: iptables rule '${rule.text}' (table ${rule.table}, chain ${rule.chain}) ${rule.target === 'REJECT' ? 'rejects' : 'drops'} its traffic before IPVS sees it, so the VIP answers nothing on this node (ipvsadm counters stay at 0). If it is a leftover, delete it with: ${rule.deleteCommand}`,
    related: [{ ...rule.location, message: `the ${rule.target} rule in ${host}'s firewall facts` }],
  });
}

export const vipBlockedByFirewall: Rule = {
  meta: {
    id: 'vip-blocked-by-firewall',
    defaultSeverity: 'error',
    category: 'host',
    description: "A firewall rule in the host's facts (iptables-save) that drops or rejects traffic to a VIP or a virtual_server address.",
    fixable: false,
  },
  check(context) {
    const self = context.facts?.self;
    const blocking = self?.blockingRule;
    if (!self || !blocking) return;
    const reported = new Set<string>();
    for (const vs of virtualServers(context.tree.roots)) {
      const address = vs.address && parseIp(vs.address.value);
      if (!address || !vs.address) continue;
      const port = vs.port ? Number(vs.port.value) : undefined;
      const rule = blocking(address, port, vs.protocol.toLowerCase());
      if (!rule) continue;
      reported.add(address.text);
      report(context, `virtual_server ${vs.address.value}${port ? `:${port}` : ''}`, vs.address.span, rule, self.name);
    }
    for (const vip of vipUses(context.tree)) {
      const rule = blocking(vip.address);
      if (rule && !reported.has(vip.address.text)) report(context, `VIP ${vip.word.value}`, vip.word.span, rule, self.name);
    }
  },
};
