// Host entries for keepalived-lint.yaml built from real sources (`ip -json addr show`,
// `kubectl get nodes -o json`, Ansible fact caches). Interface names are keys of objects
// without a prototype, so an interface named `__proto__` is an interface like any other.
import { Document, isScalar, visit } from 'yaml';

export interface HostEntry {
  name: string;
  labels?: string[];
  /** Interface -> addresses with prefix length. */
  interfaces?: Record<string, string[]>;
  /** Addresses when interface names are unknown. */
  addresses?: string[];
  firewall?: string;
  nftables?: string;
  ipvs?: string;
  /** `keepalived --version` of the host, e.g. 2.2.7 (the key as written in keepalived-lint.yaml). */
  keepalived_version?: string;
}

/** An empty name -> value record with no prototype (no name is special). */
const byName = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

interface IpJsonInterface {
  ifname?: string;
  addr_info?: Array<{ family?: string; local?: string; prefixlen?: number; scope?: string }>;
}

/** Interfaces from `ip -json addr show`, without loopback and link-local addresses. */
export function interfacesFromIpJson(json: string): Record<string, string[]> {
  const parsed = JSON.parse(json) as IpJsonInterface[];
  const out = byName<string[]>();
  for (const iface of Array.isArray(parsed) ? parsed : []) {
    if (typeof iface?.ifname !== 'string' || !iface.ifname || iface.ifname === 'lo') continue;
    const addresses = (Array.isArray(iface.addr_info) ? iface.addr_info : [])
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
  return (Array.isArray(parsed?.items) ? parsed.items : []).flatMap((node) => {
    const name = node?.metadata?.name;
    if (typeof name !== 'string' || !name) return [];
    const labels = Object.entries(isObject(node.metadata?.labels) ? node.metadata.labels : {}).map(([k, v]) => (v === '' || v === 'true' ? k : `${k}=${v}`)).sort();
    const addresses = (Array.isArray(node.status?.addresses) ? node.status.addresses : []).filter((a) => a?.type === 'InternalIP' && typeof a.address === 'string' && a.address).map((a) => a.address!);
    return [{ name, labels, addresses }];
  });
}

interface AnsibleAddress { address?: string; netmask?: string; prefix?: string | number; scope?: string }

function prefixOf(a: AnsibleAddress): number | undefined {
  if (a.prefix !== undefined) return Number(a.prefix);
  if (typeof a.netmask !== 'string') return undefined;
  return a.netmask.split('.').reduce((n, octet) => n + Number(octet).toString(2).split('').filter((b) => b === '1').length, 0);
}

/** The global addresses of one interface's facts (`ansible_eth0`). */
function ansibleAddresses(info: unknown): string[] {
  if (!isObject(info)) return [];
  const list = (value: unknown) => (Array.isArray(value) ? value : []);
  const all: unknown[] = [info.ipv4, ...list(info.ipv4_secondaries), ...list(info.ipv6).filter((a) => !isObject(a) || (a.scope !== 'link' && a.scope !== 'host'))];
  return all.filter((a): a is AnsibleAddress => isObject(a) && typeof a.address === 'string' && !!a.address && prefixOf(a) !== undefined).map((a) => `${a.address}/${prefixOf(a)}`);
}

/** Hosts from an Ansible fact cache (`ansible -m setup --tree DIR`): one JSON file per host. Throws, naming the file, on one that is not a fact file. */
export function hostsFromAnsible(files: Array<{ name: string; text: string }>): HostEntry[] {
  return files.map(({ name, text }) => {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new Error(`${name}: not JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    if (!isObject(raw)) throw new Error(`${name}: not an Ansible fact file (expected a JSON object)`);
    const facts = isObject(raw.ansible_facts) ? raw.ansible_facts : raw;
    const interfaces = byName<string[]>();
    for (const ifname of Array.isArray(facts.ansible_interfaces) ? facts.ansible_interfaces : []) {
      if (typeof ifname !== 'string' || ifname === 'lo') continue;
      const addresses = ansibleAddresses(facts[`ansible_${ifname.replace(/[-.:]/g, '_')}`]);
      if (addresses.length) interfaces[ifname] = addresses;
    }
    const hostname = typeof facts.ansible_hostname === 'string' && facts.ansible_hostname ? facts.ansible_hostname : name.replace(/\.json$/, '');
    return { name: hostname, interfaces };
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
