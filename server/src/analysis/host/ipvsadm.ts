// Reads verbatim `ipvsadm -Ln --stats` (or plain `-Ln`) output: services and their real
// servers, with packet counters when present (K/M/G suffixes as ipvsadm prints them).
import { parseIp, type IpAddress } from '../net/ip.js';

export interface IpvsCounters {
  conns: number;
  inPkts: number;
  outPkts: number;
}

export interface IpvsDestination {
  address: IpAddress;
  port: number;
  stats?: IpvsCounters;
  offset: number;
}

export interface IpvsService {
  protocol: string;
  address?: IpAddress;
  port?: number;
  fwmark?: number;
  stats?: IpvsCounters;
  offset: number;
  realServers: IpvsDestination[];
}

const SCALE: Record<string, number> = { K: 1e3, M: 1e6, G: 1e9, T: 1e12 };

function count(text: string | undefined): number | undefined {
  const m = /^(\d+)([KMGT])?$/.exec(text ?? '');
  return m ? Number(m[1]) * (m[2] ? SCALE[m[2]] : 1) : undefined;
}

function endpoint(text: string): { address: IpAddress; port: number } | undefined {
  const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(text);
  const address = m && parseIp(m[1]);
  return address ? { address, port: Number(m[2]) } : undefined;
}

function counters(words: string[], from: number, statsFormat: boolean): IpvsCounters | undefined {
  if (!statsFormat) return undefined;
  const [conns, inPkts, outPkts] = words.slice(from, from + 3).map(count);
  return conns === undefined || inPkts === undefined || outPkts === undefined ? undefined : { conns, inPkts, outPkts };
}

export function parseIpvsadm(text: string): IpvsService[] {
  const services: IpvsService[] = [];
  const statsFormat = /InPkts/.test(text);
  let offset = 0;
  for (const line of text.split('\n')) {
    const words = line.trim().split(/\s+/);
    const lineOffset = offset + (line.length - line.trimStart().length);
    offset += line.length + 1;
    if (['TCP', 'UDP', 'SCTP', 'FWM'].includes(words[0]) && words[1]) {
      const service: IpvsService = { protocol: words[0], offset: lineOffset, realServers: [], stats: counters(words, 2, statsFormat) };
      if (words[0] === 'FWM') service.fwmark = Number(words[1]);
      else Object.assign(service, endpoint(words[1]) ?? {});
      services.push(service);
    } else if (words[0] === '->' && services.length > 0 && words[1] !== 'RemoteAddress:Port') {
      const target = endpoint(words[1] ?? '');
      const current = services[services.length - 1];
      if (target) current.realServers.push({ ...target, offset: lineOffset, stats: counters(words, 2, statsFormat) });
    }
  }
  return services;
}
