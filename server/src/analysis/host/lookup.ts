// Questions rules ask of host facts: who owns an address, which parameter holds it.
import { inSubnet, parseIp, sameAddress, type IpAddress } from '../net/ip.js';
import type { HostAddressFact, HostFact, HostFacts, ParameterFact } from './context.js';

export function ownerOf(facts: HostFacts, address: IpAddress): { host: HostFact; fact: HostAddressFact } | undefined {
  for (const host of facts.hosts) {
    const fact = host.addresses.find((a) => sameAddress(a.address, address));
    if (fact) return { host, fact };
  }
  return undefined;
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
