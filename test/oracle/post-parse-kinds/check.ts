// Post-parse messages of keepalived's checker side (validate_check_config() in
// keepalived/check/check_data.c, 2.2.7): pattern, object and subject. `rules` lists the rule ids
// of ours that report the kind.
import { parseRealServer, parseVirtualServer, type ObjectRef, type PostParseKind, type VirtualServerRef } from './types.js';

const VS = '(\\[[^\\]]+\\](?::\\w+)?:\\d+|FWM \\d+)';
const RS = '(\\[[^\\]]+\\]:\\w+:\\d+)';

function vs(text: string): VirtualServerRef {
  const ref = parseVirtualServer(text);
  if (!ref) throw new Error(`not a virtual server as format_vs() prints it: ${text}`);
  return ref;
}

function realServer(vsText: string, rsText: string): ObjectRef {
  const rs = parseRealServer(rsText);
  if (!rs) throw new Error(`not a real server as format_rs() prints it: ${rsText}`);
  return { block: 'real_server', vs: vs(vsText), ...rs };
}

const virtualServer = (text: string): ObjectRef => ({ block: 'virtual_server', vs: vs(text) });

export const CHECK_KINDS: PostParseKind[] = [
  { id: 'vs-no-real-servers', pattern: new RegExp(`^Virtual server ${VS} has no real servers - ignoring`), rules: ['virtual-server-without-real-servers'], subject: (m) => ({ object: virtualServer(m[1]), names: /real_server/ }) },
  { id: 'vs-ha-suspend-fwmark', pattern: new RegExp(`^Virtual server ${VS}: cannot use ha_suspend with fwmarks`), rules: [], subject: (m) => ({ object: virtualServer(m[1]), names: /ha_suspend/ }) },
  { id: 'vs-no-protocol', pattern: new RegExp(`^Virtual server ${VS}: no protocol set`), rules: ['virtual-server-default'], subject: (m) => ({ object: virtualServer(m[1]), names: /protocol/ }) },
  { id: 'vs-ops-not-udp', pattern: new RegExp(`^Virtual server ${VS}: one packet scheduling requires UDP`), rules: [], subject: (m) => ({ object: virtualServer(m[1]), names: /\bops\b/ }) },
  { id: 'vs-zero-port', pattern: new RegExp(`^Virtual server ${VS}: zero port only valid for persistent services`), rules: [], subject: (m) => ({ object: virtualServer(m[1]), names: /persistence_timeout/ }) },
  { id: 'vs-fwmark-protocol', pattern: new RegExp(`^Warning: Virtual server ${VS}: protocol specified for fwmark`), rules: ['fwmark-protocol-ignored'], subject: (m) => ({ object: virtualServer(m[1]), names: /protocol/ }) },
  { id: 'vs-no-scheduler', pattern: new RegExp(`^Virtual server ${VS}: no scheduler set`), rules: ['virtual-server-default'], subject: (m) => ({ object: virtualServer(m[1]), names: /lb_algo|lvs_sched|scheduler/ }) },
  { id: 'vs-no-forwarding-method', pattern: new RegExp(`^Virtual server ${VS}: no forwarding method set`), rules: ['virtual-server-default', 'invalid-value'], subject: (m) => ({ object: virtualServer(m[1]), names: /lb_kind|lvs_method|forwarding method/ }) },
  { id: 'rs-duplicated', pattern: new RegExp(`^VS ${VS}: real server ${RS} is duplicated`), rules: ['duplicate-real-server'], subject: (m) => ({ object: realServer(m[1], m[2]), names: /real_server/ }) },
  { id: 'rs-sorry-inhibit-differs', pattern: new RegExp(`^Virtual server ${VS}: real server ${RS} matches sorry server, but inhibit`), rules: [], subject: (m) => ({ object: realServer(m[1], m[2]), names: /inhibit_on_failure/ }) },
  { id: 'vs-quorum-exceeds-weight', pattern: new RegExp(`^Warning - quorum \\d+ for ${VS} exceeds total weight of real servers`), rules: ['quorum-exceeds-weight'], subject: (m) => ({ object: virtualServer(m[1]), names: /quorum/ }) },
  { id: 'vs-hysteresis-quorum', pattern: new RegExp(`^Virtual server ${VS}: hysteresis \\d+ >= quorum`), rules: [], subject: (m) => ({ object: virtualServer(m[1]), names: /hysteresis/ }) },
  { id: 'rs-port-fwmark', pattern: new RegExp(`^WARNING - fwmark virtual server ${VS}, real server ${RS} has port specified`), rules: ['fwmark-port-ignored'], subject: (m) => ({ object: realServer(m[1], m[2]), names: /port/ }) },
  { id: 'sorry-port-fwmark', pattern: new RegExp(`^WARNING - (?:fwmark )?virtual server ${VS}, sorry server has port specified`), rules: ['fwmark-port-ignored'], subject: (m) => ({ object: { block: 'sorry_server', vs: vs(m[1]) }, names: /port/ }) },
  { id: 'rs-port-mismatch', pattern: new RegExp(`^WARNING - virtual server ${VS} and real server ${RS} ports don't match`), rules: ['dr-port-mismatch'], subject: (m) => ({ object: realServer(m[1], m[2]), names: /port/ }) },
  { id: 'rs-port-mismatch-group', pattern: new RegExp(`^virtual server ${VS}:\\[[^\\]]*\\] and real server ${RS} ports don't match`), rules: ['dr-port-mismatch', 'fwmark-port-ignored'], subject: (m) => ({ object: realServer(m[1], m[2]), names: /port/ }) },
  { id: 'sorry-port-mismatch', pattern: new RegExp(`^WARNING - virtual server ${VS} and sorry server ports don't match`), rules: [], subject: (m) => ({ object: { block: 'sorry_server', vs: vs(m[1]) }, names: /port/ }) },
];
