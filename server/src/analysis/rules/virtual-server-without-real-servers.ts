// validate_check_config() (keepalived/check/check_data.c) frees a virtual_server that has no
// real_server before anything else: the service is never created in IPVS.
import { serviceName, virtualServers } from '../model/lvs.js';
import type { Rule } from '../rule.js';

export const virtualServerWithoutRealServers: Rule = {
  meta: {
    id: 'virtual-server-without-real-servers',
    defaultSeverity: 'error',
    category: 'lvs',
    description: 'A virtual_server with no real_server: keepalived ignores the whole service.',
    fixable: false,
  },
  check(context) {
    // The DPVS fork is not verified to drop such services; only the stock daemon is judged.
    if (context.settings.dialect !== 'keepalived') return;
    for (const vs of virtualServers(context.tree.roots)) {
      if (vs.realServers.length > 0 || vs.node.args.length === 0) continue;
      context.report({
        span: vs.node.keyword.span,
        message: `${serviceName(vs)} has no real_server: keepalived ignores this virtual_server ("has no real servers - ignoring") and IPVS never gets the service`,
      });
    }
  },
};
