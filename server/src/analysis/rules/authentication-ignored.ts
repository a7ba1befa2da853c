// An authentication block keepalived does not use. vrrp_complete_instance() (keepalived/vrrp/vrrp.c)
// drops it in strict mode, with VRRPv3, without auth_pass and for AH over IPv6; with AH it also
// refuses to start as MASTER when not the address owner (it needs an advert's AH sequence first).
import type { ConfigNode } from '../model/config-tree.js';
import { authDropped, initialState, instanceLabel, vrrpView, type AuthDropReason, type VrrpInstanceView } from '../model/vrrp.js';
import type { Report, Rule, RuleContext } from '../rule.js';

/** What keepalived says when it drops the instance's authentication. */
function dropMessage(instance: VrrpInstanceView, reason: AuthDropReason, context: RuleContext, at: ConfigNode): Omit<Report, 'span'> {
  const dropped = `keepalived ignores authentication in ${instanceLabel(instance)}`;
  const consequence = 'adverts go out without authentication, and a peer that still authenticates drops them (both nodes become MASTER)';
  switch (reason) {
    case 'strict': {
      const strict = instance.strict!;
      return {
        message: `${dropped}: strict mode (${strict.keyword.value}, ${context.lineRef(strict.keyword.span, at.keyword.span)}) does not support authentication; ${consequence}`,
        related: [{ span: strict.keyword.span, message: 'strict mode is set here' }],
      };
    }
    case 'version 3': {
      const why = instance.versionLine ? `version 3 (${context.lineRef(instance.versionLine.word.span, at.keyword.span)})` : instance.family === 6 ? 'VRRP version 3, which IPv6 instances use' : 'VRRP version 3 (global vrrp_version)';
      return { message: `${dropped}: it runs ${why}, which has no authentication; ${consequence}` };
    }
    case 'no auth_pass': return { message: `${dropped}: auth_type ${instance.auth!.type} is given without auth_pass; ${consequence}` };
    case 'AH with IPv6': return { message: `${dropped}: AH authentication cannot be used with IPv6; ${consequence}` };
  }
}

export const authenticationIgnored: Rule = {
  meta: {
    id: 'authentication-ignored',
    defaultSeverity: 'error',
    category: 'vrrp',
    description: 'An authentication block keepalived ignores (strict mode, VRRPv3, no auth_pass, AH over IPv6), or AH with initial state MASTER, which keepalived changes to BACKUP.',
    fixable: false,
  },
  check(context) {
    for (const instance of vrrpView(context.tree).instances) {
      if (!instance.auth) continue;
      const block = instance.node.children.find((c) => c.keyword.value === 'authentication')!;
      const reason = authDropped(instance);
      if (reason) {
        context.report({ span: block.keyword.span, ...dropMessage(instance, reason, context, block) });
        continue;
      }
      const state = instance.state;
      if (state?.value === 'MASTER' && initialState(instance) === 'BACKUP') {
        context.report({
          span: state.word.span,
          severity: 'warning',
          message: `initial state MASTER is incompatible with AH authentication in ${instanceLabel(instance)} (${context.lineRef(instance.auth.word.span, state.word.span)}): keepalived starts it as BACKUP, since it needs an advert's AH sequence number before taking over`,
          related: [{ span: instance.auth.word.span, message: 'AH authentication' }],
        });
      }
    }
  },
};
