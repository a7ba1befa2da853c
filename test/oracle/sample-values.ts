// Plausible values for keyword arguments, to build minimal configs from the keyword data.
import type { ArgSpec, KeywordDef, ValueSpec } from '../../grammar/keywords/index.js';

const GRAMMAR_SAMPLES: Record<string, string> = {
  '@vs_address': '10.0.0.1', '@ip_address_spec': '10.0.0.1/24', '@status_code': '200', '@netmask_or_prefix': '24',
  '@umask': '0022', '@include_check': 'read', '@rx_bufs_policy': 'MTU', '@hmac_key': 'secret', '@laddr': '10.0.0.1',
  '@acl_addr': '10.0.0.1', '@vsg_entry': '10.0.0.1 80', '@route_spec': '10.1.0.0/16 via 10.0.0.254', '@rule_spec': 'from 10.0.0.1 table 100',
};

function number(spec: ValueSpec): string {
  const lo = spec.min ?? 0;
  const hi = spec.max ?? Number.MAX_SAFE_INTEGER;
  return String(lo <= 1 && 1 <= hi ? 1 : lo);
}

export function sampleValue(spec: ValueSpec): string {
  switch (spec.type) {
    case 'int': case 'uint': case 'timer': case 'decimal': return number(spec);
    case 'bool': return 'true';
    case 'enum': return spec.values?.[0] ?? 'x';
    case 'ip': case 'ip4': case 'host': return '10.0.0.1';
    case 'ip6': return '2001:db8::1';
    case 'ip_prefix': return '10.0.0.1/24';
    case 'port': return '80';
    case 'ifname': return 'lo';
    case 'path': return '/tmp/keepalived-lint-sample';
    case 'command': return '/bin/true';
    case 'user': case 'group': return 'root';
    case 'hex': return '00ff';
    case 'mac': return '00:11:22:33:44:55';
    case 'email': return 'ops@example.com';
    case 'grammar': return GRAMMAR_SAMPLES[spec.grammar ?? ''] ?? 'x';
    default: return 'sample1';
  }
}

/** Mandatory arguments of a keyword line, as words. */
export function sampleArgs(def: KeywordDef): string[] {
  const required = (def.args ?? []).filter((a: ArgSpec) => !a.optional);
  const words = required.map((a) => sampleValue(a));
  if (def.path === 'virtual_server' || def.path === 'virtual_server/real_server') words.push('80');
  return words;
}
