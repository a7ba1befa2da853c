// Stable keys for comparing LVS services and real servers between two configs.
import type { RealServerView, VirtualServerView } from './lvs.js';

export function serviceKey(vs: VirtualServerView): string {
  const words = vs.node.args.map((a) => a.value);
  return vs.address ? `${vs.address.value}:${vs.port?.value ?? 0}/${vs.protocol}` : words.join(' ');
}

export function realServerKey(rs: RealServerView, vs: VirtualServerView): string {
  return `${rs.address?.value ?? '?'}:${rs.port?.value ?? vs.port?.value ?? 0}`;
}

/** The settings of a real server that must match on both nodes of a pair. */
export function realServerSettings(rs: RealServerView): string[] {
  const settings = rs.node.children.filter((c) => c.children.length === 0).map((c) => `${c.keyword.value} ${c.args.map((a) => a.value).join(' ')}`.trim());
  if (rs.check) {
    settings.push(`check ${rs.check.keyword.value}`);
    for (const option of rs.check.children) settings.push(`${rs.check.keyword.value} ${option.keyword.value} ${option.args.map((a) => a.value).join(' ')}`.trim());
  }
  return settings.sort();
}
