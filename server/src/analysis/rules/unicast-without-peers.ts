// A unicast keyword (unicast_src_ip, unicast_peer { }, check_unicast_src, ...) with no usable
// unicast peer. vrrp_complete_instance() (keepalived/vrrp/vrrp.c) then falls back to multicast
// (deprecated since 2.2.5), or, with unicast_fault_no_peer, keeps the instance in FAULT state;
// vrrp_end_handler() (vrrp_parser.c) resets a unicast_ttl that has no peers to use it.
import { instanceLabel, vrrpView } from '../model/vrrp.js';
import type { Rule } from '../rule.js';

export const unicastWithoutPeers: Rule = {
  meta: {
    id: 'unicast-without-peers',
    defaultSeverity: 'warning',
    category: 'vrrp',
    description: 'A vrrp_instance with unicast keywords but no unicast peer: keepalived falls back to multicast (or stays in FAULT with unicast_fault_no_peer).',
    fixable: false,
  },
  check(context) {
    for (const instance of vrrpView(context.tree).instances) {
      if (instance.unicastPeers.length > 0) continue;
      const first = instance.unicastKeywords[0];
      if (first) {
        const written = [...new Set(instance.unicastKeywords.map((k) => k.keyword.value))].join(', ');
        const emptyBlock = instance.unicastKeywords.some((k) => k.keyword.value === 'unicast_peer');
        const peers = emptyBlock ? 'its unicast_peer block lists no usable address' : 'it has no unicast_peer';
        context.report({
          span: first.keyword.span,
          ...(instance.unicastFaultNoPeer
            ? { severity: 'error' as const, message: `${instanceLabel(instance)} is configured for unicast (${written}) but ${peers}: with unicast_fault_no_peer keepalived keeps the instance in FAULT state, so it never becomes MASTER` }
            : { message: `${instanceLabel(instance)} is configured for unicast (${written}) but ${peers}: keepalived ignores the unicast settings and falls back to multicast (a deprecated fallback). Add the partner under unicast_peer, or remove the unicast keywords` }),
        });
      }
      const ttl = instance.unicastTtl;
      if (ttl) {
        context.report({
          span: ttl.keyword.span,
          message: `unicast_ttl in ${instanceLabel(instance)} has no unicast peers to apply to: keepalived resets it and ignores the line`,
        });
      }
    }
  },
};
