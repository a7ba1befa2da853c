// What host-fact rules know about the machines a config runs on. Built from the workspace
// file (keepalived-lint.yaml) by ./from-workspace.ts; rules depend only on this shape.
import type { IpAddress } from '../net/ip.js';
import type { Packet } from './packet-filter/model.js';
import type { Location } from '../types.js';

export interface HostAddressFact {
  address: IpAddress;
  prefix: number;
  /** Interface name, when the workspace file gives interfaces. */
  interface?: string;
  location: Location;
}

export interface FirewallRuleFact {
  table: string;
  chain: string;
  /** The rule as written in iptables-save (`-A PREROUTING -d ... -j DROP`). */
  text: string;
  target: string;
  /** How to delete it: `iptables -t raw -D PREROUTING ...`. */
  deleteCommand: string;
  location: Location;
}

/** A rule (or a chain policy) of the host's iptables or nftables facts. */
export interface FilterRuleFact {
  backend: 'iptables' | 'nftables';
  table: string;
  chain: string;
  /** The rule as written; for a policy, `policy drop`. */
  text: string;
  action: 'accept' | 'drop' | 'reject' | 'policy drop' | 'other';
  /** 1-based line in the workspace file. */
  line: number;
  location: Location;
}

/** What the host's firewall facts do with one inbound packet. */
export interface InboundDecision {
  drop?: FilterRuleFact;
  /** Drops on the way whose conditions are not modelled (they may or may not match). */
  unsure: Array<{ rule: FilterRuleFact; condition: string }>;
  /** ACCEPT rules that would let the packet in but for their source address. */
  nearMisses: Array<{ rule: FilterRuleFact; sources: IpAddress[] }>;
}

export interface IpvsStats {
  conns: number;
  inPkts: number;
  outPkts: number;
}

export interface IpvsServiceFact {
  protocol: string;
  address?: IpAddress;
  port?: number;
  fwmark?: number;
  stats?: IpvsStats;
  realServers: Array<{ address: IpAddress; port: number; stats?: IpvsStats }>;
  location: Location;
}

export interface HostFact {
  name: string;
  labels: string[];
  addresses: HostAddressFact[];
  /** Interface names; empty when the workspace file lists bare addresses. */
  interfaces: string[];
  /** Where the host is declared in the workspace file. */
  location: Location;
  /** Firewall rule that drops or rejects traffic to `address` (`port`, `protocol`), if any. */
  blockingRule?: (address: IpAddress, port?: number, protocol?: string) => FirewallRuleFact | undefined;
  ipvs?: IpvsServiceFact[];
  /** The keepalived version the host runs (`keepalived_version`), and where it is written. */
  keepalivedVersion?: { version: string; location: Location };
  /** The host's iptables and nftables facts applied to a packet on its way in. */
  inbound?: (packet: Packet, backends?: ReadonlyArray<'iptables' | 'nftables'>) => InboundDecision;
}

export interface ParameterFact {
  name: string;
  value: string;
  nodeLabel?: string;
  location: Location;
  valueLocation: Location;
}

export interface HostFacts {
  /** Path of keepalived-lint.yaml. */
  workspacePath: string;
  hosts: HostFact[];
  parameters: ParameterFact[];
  /** The host that runs the linted file, if the workspace file or a pragma says so. */
  self?: HostFact;
}
