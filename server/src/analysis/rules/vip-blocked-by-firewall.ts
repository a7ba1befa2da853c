// A firewall rule on the host that drops or rejects traffic to a VIP or a virtual server:
// the address is up, keepalived is happy, and nothing gets through. iptables facts are read by
// ../host/iptables.ts; nftables facts by ../host/packet-filter (base chains of the input and
// prerouting hooks, with their policies).
import { vipUses } from '../host/addresses.js';
import type { FilterRuleFact, FirewallRuleFact, HostFact } from '../host/context.js';
import { virtualServers } from '../model/lvs.js';
import { parseIp, sameAddress, type IpAddress } from '../net/ip.js';
import type { Rule, RuleContext } from '../rule.js';

type Span = Parameters<RuleContext['report']>[0]['span'];

function report(context: RuleContext, what: string, span: Span, rule: FirewallRuleFact, host: string): void {
  context.report({
    span,
    message: `${what} is blocked on ${host}: iptables rule '${rule.text}' (table ${rule.table}, chain ${rule.chain}) ${rule.target === 'REJECT' ? 'rejects' : 'drops'} its traffic before IPVS sees it, so the VIP answers nothing on this node (ipvsadm counters stay at 0). If it is a leftover, delete it with: ${rule.deleteCommand}`,
    related: [{ ...rule.location, message: `the ${rule.target} rule in ${host}'s firewall facts` }],
  });
}

function reportNft(context: RuleContext, what: string, span: Span, rule: FilterRuleFact, host: string): void {
  const how = rule.action === 'policy drop'
    ? `the policy drop of nftables chain ${rule.chain} (table ${rule.table}, keepalived-lint.yaml line ${rule.line}) drops its traffic: no rule before it accepts it`
    : `nftables rule '${rule.text}' (table ${rule.table}, chain ${rule.chain}, keepalived-lint.yaml line ${rule.line}) ${rule.action === 'reject' ? 'rejects' : 'drops'} its traffic`;
  context.report({
    span,
    message: `${what} is blocked on ${host}: ${how}, so the VIP answers nothing on this node (ipvsadm counters stay at 0). If it is a leftover, delete it (nft -a list chain ${rule.table} ${rule.chain} shows its handle for nft delete rule)`,
    related: [{ ...rule.location, message: `the ${rule.action} in ${host}'s nftables facts` }],
  });
}

/** The nftables rule that drops traffic to `address`, arriving on the VIP's interface when known. */
function nftBlocking(self: HostFact, address: IpAddress, iif: string | undefined, port?: number, protocol?: string): FilterRuleFact | undefined {
  return self.inbound?.({ family: address.family, daddr: address, protocol, dport: port, iif }, ['nftables']).drop;
}

export const vipBlockedByFirewall: Rule = {
  meta: {
    id: 'vip-blocked-by-firewall',
    defaultSeverity: 'error',
    category: 'host',
    description: "A firewall rule in the host's facts (iptables-save or nft list ruleset) that drops or rejects traffic to a VIP or a virtual_server address.",
    fixable: false,
  },
  check(context) {
    const self = context.facts?.self;
    if (!self || (!self.blockingRule && !self.inbound)) return;
    const vips = vipUses(context.tree);
    /** The interface a VIP's traffic arrives on: its `dev`, else its instance's interface. */
    const interfaceOf = (address: IpAddress) => {
      const vip = vips.find((v) => sameAddress(v.address, address));
      return vip && (vip.dev?.value ?? vip.instance.children.find((c) => c.keyword.value === 'interface')?.args[0]?.value);
    };
    const check = (what: string, span: Span, address: IpAddress, port?: number, protocol?: string): boolean => {
      const rule = self.blockingRule?.(address, port, protocol);
      if (rule) report(context, what, span, rule, self.name);
      const nft = rule ? undefined : nftBlocking(self, address, interfaceOf(address), port, protocol);
      if (nft) reportNft(context, what, span, nft, self.name);
      return !!(rule ?? nft);
    };
    const reported = new Set<string>();
    for (const vs of virtualServers(context.tree.roots)) {
      const address = vs.address && parseIp(vs.address.value);
      if (!address || !vs.address) continue;
      const port = vs.port ? Number(vs.port.value) : undefined;
      if (check(`virtual_server ${vs.address.value}${port ? `:${port}` : ''}`, vs.address.span, address, port, vs.protocol.toLowerCase())) reported.add(address.text);
    }
    for (const vip of vips) {
      if (!reported.has(vip.address.text)) check(`VIP ${vip.word.value}`, vip.word.span, vip.address);
    }
  },
};
