// VRRP PASS authentication carries at most 8 characters; keepalived truncates longer ones.
import type { Rule } from '../rule.js';

const MAX_AUTH_PASS = 8;

export const authPassTooLong: Rule = {
  meta: {
    id: 'auth-pass-too-long',
    defaultSeverity: 'warning',
    category: 'vrrp',
    description: 'An auth_pass longer than 8 characters; keepalived uses only the first 8.',
    fixable: true,
  },
  check(context) {
    for (const node of context.tree.all) {
      if (node.def?.path !== 'vrrp_instance/authentication/auth_pass') continue;
      const password = node.args[0];
      if (!password || password.value.length <= MAX_AUTH_PASS) continue;
      const kept = password.value.slice(0, MAX_AUTH_PASS);
      context.report({
        span: password.span,
        message: `auth_pass is ${password.value.length} characters long; keepalived uses only the first ${MAX_AUTH_PASS} ('${kept}'), and a peer configured with a different 8-character prefix will not match`,
        fix: password.via ? undefined : { title: `Shorten to '${kept}'`, edits: [{ span: password.span, newText: password.quoted ? `"${kept}"` : kept }] },
      });
    }
  },
};
