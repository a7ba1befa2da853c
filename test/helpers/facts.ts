// Builds HostFacts for rule tests without a workspace file.
import type { HostFact, HostFacts, ParameterFact } from '../../server/src/analysis/host/context.js';
import { parseIpPrefix } from '../../server/src/analysis/net/ip.js';

export const WORKSPACE = '/ws/keepalived-lint.yaml';

export interface HostSpec {
  name: string;
  labels?: string[];
  /** Interface name -> addresses with prefix; use `addresses` when names are unknown. */
  interfaces?: Record<string, string[]>;
  addresses?: string[];
  blockingRule?: HostFact['blockingRule'];
  ipvs?: HostFact['ipvs'];
}

const at = (n: number) => ({ path: WORKSPACE, start: n, end: n + 1 });

export function host(spec: HostSpec, index = 0): HostFact {
  const entries = spec.interfaces ? Object.entries(spec.interfaces) : [[undefined, spec.addresses ?? []] as const];
  const addresses = entries.flatMap(([iface, list]) => list.map((text, i) => {
    const parsed = parseIpPrefix(text)!;
    return { address: parsed.address, prefix: parsed.prefix, interface: iface ?? undefined, location: at(index * 100 + i) };
  }));
  return {
    name: spec.name, labels: spec.labels ?? [], addresses, interfaces: spec.interfaces ? Object.keys(spec.interfaces) : [],
    location: at(index * 100), blockingRule: spec.blockingRule, ipvs: spec.ipvs,
  };
}

export function facts(hosts: HostSpec[], parameters: Array<Omit<ParameterFact, 'location' | 'valueLocation'>> = [], self?: string): HostFacts {
  const built = hosts.map((h, i) => host(h, i));
  return {
    workspacePath: WORKSPACE,
    hosts: built,
    parameters: parameters.map((p, i) => ({ ...p, location: at(1000 + i * 10), valueLocation: at(1000 + i * 10 + 5) })),
    self: built.find((h) => h.name === self),
  };
}
