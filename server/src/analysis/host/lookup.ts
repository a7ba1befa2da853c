// Questions rules ask of host facts: who owns an address, which parameter holds it.
import { addressKey, inSubnet, parseIp, sameAddress, type IpAddress } from '../net/ip.js';
import type { HostAddressFact, HostFact, HostFacts, ParameterFact } from './context.js';

type Owner = { host: HostFact; fact: HostAddressFact };

/**
 * Owners by address, built once per host list (the facts object itself is copied per config
 * with its own `self`, the host list is shared): with a fleet's hosts asking every config's
 * addresses, a scan of every host per address grew with the square of the fleet.
 */
const ownersByHosts = new WeakMap<readonly HostFact[], Map<string, Owner>>();

function ownerIndex(hosts: readonly HostFact[]): Map<string, Owner> {
  let index = ownersByHosts.get(hosts);
  if (index) return index;
  index = new Map();
  for (const host of hosts) {
    for (const fact of host.addresses) {
      const key = addressKey(fact.address);
      // The first host (and its first fact) that has the address owns it, as a scan in order finds.
      if (!index.has(key)) index.set(key, { host, fact });
    }
  }
  ownersByHosts.set(hosts, index);
  return index;
}

export function ownerOf(facts: HostFacts, address: IpAddress): Owner | undefined {
  return ownerIndex(facts.hosts).get(addressKey(address));
}

export function hasAddress(host: HostFact, address: IpAddress): boolean {
  return host.addresses.some((a) => sameAddress(a.address, address));
}

/** The host's own address in the same subnet as `address`. */
export function sameSubnetAddress(host: HostFact, address: IpAddress): HostAddressFact | undefined {
  return host.addresses.find((a) => inSubnet(address, a.address, a.prefix));
}

/** The host's address that best replaces `address`: same subnet, else the first of the family. */
export function replacementAddress(host: HostFact, address: IpAddress): HostAddressFact | undefined {
  return sameSubnetAddress(host, address) ?? host.addresses.find((a) => a.address.family === address.family);
}

/** Parameters whose value is this address (a config value usually comes from one). */
export function parametersHolding(facts: HostFacts, address: IpAddress): ParameterFact[] {
  return facts.parameters.filter((p) => {
    const value = parseIp(p.value);
    return value !== undefined && sameAddress(value, address);
  });
}

export function describeHost(host: HostFact): string {
  return host.labels.length > 0 ? `${host.name} (labels ${host.labels.join(', ')})` : host.name;
}

/** The host whose address a parameter holds (undefined for non-address values). */
export function parameterOwner(facts: HostFacts, parameter: ParameterFact): { host: HostFact; fact: HostAddressFact } | undefined {
  const ip = parseIp(parameter.value);
  return ip ? ownerOf(facts, ip) : undefined;
}
