// The same virtual_server on both nodes of a pair must balance to the same real servers with
// the same settings; otherwise traffic changes on failover. A missing real_server can be
// copied from the peer (a fix that edits the other file).
import { counterpart } from '../host/pair-services.js';
import { configPairs, hostName } from '../host/pairs.js';
import { LineIndex } from '../../../../grammar/index.js';
import { statementSpan } from '../../../../grammar/ast.js';
import { virtualServers, type RealServerView, type VirtualServerView } from '../model/lvs.js';
import { realServerKey, realServerSettings, serviceKey } from '../model/service-keys.js';
import type { Fix } from '../types.js';
import type { ConfigModel, WorkspaceRule, WorkspaceRuleContext } from '../workspace-rule.js';

/** Edit that inserts the peer's real_server block before the closing brace of `into`. */
function copyFix(context: WorkspaceRuleContext, from: ConfigModel, rs: RealServerView, to: ConfigModel, into: VirtualServerView): Fix | undefined {
  const close = into.node.statement.block?.close;
  const span = statementSpan(rs.node.statement);
  if (!close || span.file !== rs.node.keyword.span.file || rs.node.keyword.via) return undefined;
  const sourceText = from.parse.files[span.file].text;
  const lineStart = sourceText.lastIndexOf('\n', span.start - 1) + 1;
  const block = `${sourceText.slice(lineStart, span.end)}\n`;
  const targetText = to.parse.files[close.file].text;
  const insertAt = new LineIndex(targetText).lineStart(new LineIndex(targetText).positionAt(close.start).line);
  const location = context.location(to, { file: close.file, start: insertAt, end: insertAt });
  return { title: `Copy real_server ${realServerKey(rs, into)} from ${hostName(context, from)}`, edits: [{ ...location, newText: block }] };
}

export const pairRealServersDiffer: WorkspaceRule = {
  meta: {
    id: 'pair-real-servers-differ',
    defaultSeverity: 'error',
    category: 'pair',
    description: 'The same virtual_server on both nodes of a VRRP pair with different real servers or real-server settings (weight, port, health check).',
    fixable: true,
  },
  checkWorkspace(context) {
    for (const [x, y] of configPairs(context.configs)) {
      for (const [side, peer] of [[x, y], [y, x]]) {
        for (const vs of virtualServers(side.tree.roots)) {
          const other = counterpart(vs, side, peer);
          if (!other) continue;
          const otherServers = new Map(other.realServers.map((rs) => [realServerKey(rs, other), rs]));
          for (const rs of vs.realServers) {
            const key = realServerKey(rs, vs);
            const match = otherServers.get(key);
            if (!match) {
              context.report({
                location: context.location(peer, other.node.keyword.span),
                message: `virtual_server ${serviceKey(vs)} on ${hostName(context, peer)} lacks real_server ${key}, which its VRRP peer ${hostName(context, side)} has: traffic is balanced differently after failover`,
                related: [{ ...context.location(side, rs.node.keyword.span), message: `real_server ${key} on ${hostName(context, side)}` }],
                fix: copyFix(context, side, rs, peer, other),
              });
              continue;
            }
            if (side !== x) continue; // settings are compared once per pair, reported on both sides below
            const [mine, theirs] = [realServerSettings(rs), realServerSettings(match)];
            const differing = mine.filter((s) => !theirs.includes(s));
            if (differing.length === 0 && theirs.length === mine.length) continue;
            for (const [here, there, hereModel, thereModel] of [[rs, match, side, peer], [match, rs, peer, side]] as const) {
              context.report({
                location: context.location(hereModel, here.node.keyword.span),
                message: `real_server ${key} of virtual_server ${serviceKey(vs)} is set up differently on ${hostName(context, hereModel)} and ${hostName(context, thereModel)} (${differing.concat(theirs.filter((s) => !mine.includes(s))).join('; ')}): behaviour changes on failover`,
                related: [{ ...context.location(thereModel, there.node.keyword.span), message: `real_server ${key} on ${hostName(context, thereModel)}` }],
              });
            }
          }
        }
      }
    }
  },
};
