// Scripts configured without `enable_script_security`: keepalived -t reports a
// "SECURITY VIOLATION" and runs the scripts as root, even from directories others can write.
import type { Span } from '../../../../grammar/index.js';
import { firstChild } from '../model/config-tree.js';
import type { FixSpec, Rule } from '../rule.js';

export const scriptSecurityDisabled: Rule = {
  meta: {
    id: 'script-security-disabled',
    defaultSeverity: 'warning',
    category: 'vrrp',
    description: 'Scripts (track, notify, MISC_CHECK) configured without enable_script_security in global_defs; keepalived runs them as root and reports a security violation.',
    fixable: false,
  },
  check(context) {
    const scripts = context.tree.all.filter((n) => n.def?.command_quoting && n.def.name !== 'regex');
    if (scripts.length === 0) return;
    const globalDefs = context.tree.roots.find((n) => n.def?.path === 'global_defs');
    if (globalDefs && firstChild(globalDefs, 'enable_script_security')) return;
    const open = globalDefs?.statement.block?.open;
    const insertAt: Span = open ?? { file: 0, start: 0, end: 0 };
    const suggestion: FixSpec = {
      title: 'Add enable_script_security to global_defs',
      edits: [{ span: { ...insertAt, start: insertAt.end }, newText: open ? '\n    enable_script_security' : 'global_defs {\n    enable_script_security\n}\n\n' }],
    };
    // One finding per file: at global_defs, which every config id shares, with the scripts as
    // related locations (the variants' lists merge); without global_defs, at the first script.
    const anchor = globalDefs ?? scripts[0];
    context.report({
      span: anchor.keyword.span,
      message: `scripts are configured but global_defs has no enable_script_security: keepalived runs them as root and 'keepalived -t' reports a SECURITY VIOLATION. Add enable_script_security (and script_user) to global_defs`,
      suggestions: [suggestion],
      related: scripts.filter((n) => n !== anchor).slice(0, 10).map((n) => ({ span: n.keyword.span, message: `script '${n.keyword.value}'` })),
    });
  },
};
