// VRRP PASS authentication carries at most 8 bytes; keepalived's vrrp_auth_pass_handler()
// truncates a longer auth_pass (it counts bytes with strlen, so 'pässwörd' is 10 bytes).
import type { Rule } from '../rule.js';

const MAX_AUTH_PASS = 8;

/** The characters whole within the first `bytes` UTF-8 bytes of `text`, and whether the cut splits the next one. */
function bytePrefix(text: string, bytes: number): { kept: string; splitsCharacter: boolean } {
  let kept = '';
  let used = 0;
  for (const character of text) {
    const size = Buffer.byteLength(character, 'utf8');
    if (used + size > bytes) return { kept, splitsCharacter: used < bytes };
    kept += character;
    used += size;
  }
  return { kept, splitsCharacter: false };
}

export const authPassTooLong: Rule = {
  meta: {
    id: 'auth-pass-too-long',
    defaultSeverity: 'warning',
    category: 'vrrp',
    description: 'An auth_pass longer than 8 bytes; keepalived uses only the first 8.',
    fixable: true,
  },
  check(context) {
    for (const node of context.tree.all) {
      if (node.def?.path !== 'vrrp_instance/authentication/auth_pass') continue;
      const password = node.args[0];
      const length = password ? Buffer.byteLength(password.value, 'utf8') : 0;
      if (!password || length <= MAX_AUTH_PASS) continue;
      const { kept, splitsCharacter } = bytePrefix(password.value, MAX_AUTH_PASS);
      const size = length === password.value.length ? `${length} characters` : `${length} bytes (${[...password.value].length} characters in UTF-8)`;
      const cut = splitsCharacter ? ` and half of the next character` : '';
      context.report({
        span: password.span,
        message: `auth_pass is ${size} long; keepalived truncates it to the first ${MAX_AUTH_PASS} bytes ('${kept}'${cut}), and a peer configured with a different 8-byte prefix will not match`,
        // A cut through a character cannot be written back: the peer still sends the half byte.
        fix: password.via || splitsCharacter ? undefined : { title: `Shorten to '${kept}'`, edits: [{ span: password.span, newText: password.quoted ? `"${kept}"` : kept }] },
      });
    }
  },
};
