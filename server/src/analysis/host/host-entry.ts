// Host entries for keepalived-lint.yaml built from real sources (`ip -json addr show`,
// `kubectl get nodes -o json`, Ansible fact caches), and merged into an existing workspace
// file without losing its comments.
import { Document, isMap, isScalar, parseDocument, visit, YAMLMap } from 'yaml';

export interface HostEntry {
  name: string;
  labels?: string[];
  /** Interface -> addresses with prefix length. */
  interfaces?: Record<string, string[]>;
  /** Addresses when interface names are unknown. */
  addresses?: string[];
  firewall?: string;
  ipvs?: string;
}

interface IpJsonInterface {
  ifname?: string;
  addr_info?: Array<{ family?: string; local?: string; prefixlen?: number; scope?: string }>;
}

/** Interfaces from `ip -json addr show`, without loopback and link-local addresses. */
export function interfacesFromIpJson(json: string): Record<string, string[]> {
  const parsed = JSON.parse(json) as IpJsonInterface[];
  const out: Record<string, string[]> = {};
  for (const iface of Array.isArray(parsed) ? parsed : []) {
    if (!iface.ifname || iface.ifname === 'lo') continue;
    const addresses = (iface.addr_info ?? [])
      .filter((a) => a.local && a.prefixlen !== undefined && a.scope !== 'host' && a.scope !== 'link')
      .map((a) => `${a.local}/${a.prefixlen}`);
    if (addresses.length > 0) out[iface.ifname] = addresses;
  }
  return out;
}

interface KubectlNode {
  metadata?: { name?: string; labels?: Record<string, string> };
  status?: { addresses?: Array<{ type?: string; address?: string }> };
}

/**
 * Hosts from `kubectl get nodes -o json`. A label whose value is empty or "true" is a plain
 * node label (`ddm_lvs1`); others are kept as `key=value`. Addresses are the InternalIPs.
 */
export function hostsFromKubectl(json: string): HostEntry[] {
  const parsed = JSON.parse(json) as { items?: KubectlNode[] };
  return (parsed.items ?? []).flatMap((node) => {
    const name = node.metadata?.name;
    if (!name) return [];
    const labels = Object.entries(node.metadata?.labels ?? {}).map(([k, v]) => (v === '' || v === 'true' ? k : `${k}=${v}`)).sort();
    const addresses = (node.status?.addresses ?? []).filter((a) => a.type === 'InternalIP' && a.address).map((a) => a.address!);
    return [{ name, labels, addresses }];
  });
}

interface AnsibleAddress { address?: string; netmask?: string; prefix?: string | number; scope?: string }

function prefixOf(a: AnsibleAddress): number | undefined {
  if (a.prefix !== undefined) return Number(a.prefix);
  if (!a.netmask) return undefined;
  return a.netmask.split('.').reduce((n, octet) => n + Number(octet).toString(2).split('').filter((b) => b === '1').length, 0);
}

/** Hosts from an Ansible fact cache (`ansible -m setup --tree DIR`): one JSON file per host. */
export function hostsFromAnsible(files: Array<{ name: string; text: string }>): HostEntry[] {
  return files.flatMap(({ name, text }) => {
    const raw = JSON.parse(text) as Record<string, unknown>;
    const facts = (raw.ansible_facts ?? raw) as Record<string, unknown>;
    const interfaces: Record<string, string[]> = {};
    for (const ifname of (facts.ansible_interfaces as string[] | undefined) ?? []) {
      if (ifname === 'lo') continue;
      const info = facts[`ansible_${ifname.replace(/[-.:]/g, '_')}`] as { ipv4?: AnsibleAddress; ipv4_secondaries?: AnsibleAddress[]; ipv6?: AnsibleAddress[] } | undefined;
      const all = [info?.ipv4, ...(info?.ipv4_secondaries ?? []), ...(info?.ipv6 ?? []).filter((a) => a.scope !== 'link' && a.scope !== 'host')];
      const addresses = all.filter((a): a is AnsibleAddress => !!a?.address && prefixOf(a) !== undefined).map((a) => `${a.address}/${prefixOf(a)}`);
      if (addresses.length) interfaces[ifname] = addresses;
    }
    return [{ name: String(facts.ansible_hostname ?? name.replace(/\.json$/, '')), interfaces }];
  });
}

/** YAML text of one `hosts:` entry (for `facts collect`). */
export function hostEntryYaml(entry: HostEntry): string {
  const { name, ...fields } = entry;
  const document = new Document({ hosts: { [name]: fields } });
  // Lists of plain values read best on one line: labels: [a, b], eth0: [10.0.0.5/24]
  visit(document, { Seq: (_, seq) => void (seq.flow = seq.items.every(isScalar)) });
  return document.toString({ blockQuote: 'literal', lineWidth: 0 });
}

/**
 * Adds or updates hosts in a workspace file's text. Existing hosts keep their other keys
 * (configs, firewall, ipvs) and every comment; only labels and addresses are replaced.
 */
export function mergeHosts(yamlText: string, entries: HostEntry[]): string {
  const document = parseDocument(yamlText || 'version: 1\n');
  if (!isMap(document.get('hosts'))) document.set('hosts', new YAMLMap());
  for (const { name, ...fields } of entries) {
    if (!isMap(document.getIn(['hosts', name]))) document.setIn(['hosts', name], new YAMLMap());
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      const node = document.createNode(value);
      visit(node, { Seq: (_, seq) => void (seq.flow = seq.items.every(isScalar)) });
      document.setIn(['hosts', name, key], node);
    }
    if (fields.interfaces && Object.keys(fields.interfaces).length > 0) document.deleteIn(['hosts', name, 'addresses']);
  }
  return document.toString({ lineWidth: 0 });
}
