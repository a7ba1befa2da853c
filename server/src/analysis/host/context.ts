// What host-fact rules know about the machines a config runs on. Built from the workspace
// file (keepalived-lint.yaml) by ./from-workspace.ts; rules depend only on this shape.
import type { IpAddress } from '../net/ip.js';
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
