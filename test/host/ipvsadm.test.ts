// Reading `ipvsadm -Ln --stats` and plain `ipvsadm -Ln` output as the host facts hold it.
import { describe, expect, it } from 'vitest';
import { parseIpvsadm } from '../../server/src/analysis/host/ipvsadm.js';

/** Services as [protocol, address or fwmark, port] with their real servers as "address:port". */
function summary(text: string) {
  return parseIpvsadm(text).map((s) => ({
    service: [s.protocol, s.address?.text ?? s.fwmark, s.port],
    realServers: s.realServers.map((r) => `${r.address.text}:${r.port}`),
  }));
}

const STATS = `IP Virtual Server version 1.2.1 (size=4096)
Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes
  -> RemoteAddress:Port
TCP  10.186.86.79:8443                 412     5136        0   308160        0
  -> 10.186.80.11:8443                 206     2568        0   154080        0
  -> 10.186.80.12:8443                 206     2568        0   154080        0
TCP  192.168.10.100:80             1843210  150234K 98120554    9014M   63172M
  -> 192.168.10.21:80               921605   75117K 49060277    4507M   31586M
UDP  192.168.10.100:53               12004    12004    12004   901230  1802460
  -> 192.168.10.21:53                12004    12004    12004   901230  1802460
`;

describe('parseIpvsadm', () => {
  it('reads services and their real servers from the --stats format', () => {
    expect(summary(STATS)).toEqual([
      { service: ['TCP', '10.186.86.79', 8443], realServers: ['10.186.80.11:8443', '10.186.80.12:8443'] },
      { service: ['TCP', '192.168.10.100', 80], realServers: ['192.168.10.21:80'] },
      { service: ['UDP', '192.168.10.100', 53], realServers: ['192.168.10.21:53'] },
    ]);
  });

  it('reads Conns, InPkts and OutPkts, scaling the K and M suffixes ipvsadm prints for large numbers', () => {
    const [fnat, web] = parseIpvsadm(STATS);
    expect(fnat.stats).toEqual({ conns: 412, inPkts: 5136, outPkts: 0 });
    expect(fnat.realServers[1].stats).toEqual({ conns: 206, inPkts: 2568, outPkts: 0 });
    expect(web.stats).toEqual({ conns: 1843210, inPkts: 150234000, outPkts: 98120554 });
    expect(web.realServers[0].stats).toEqual({ conns: 921605, inPkts: 75117000, outPkts: 49060277 });
  });

  it('records the offset of each service and real server line, past its indentation', () => {
    const [fnat] = parseIpvsadm(STATS);
    expect(STATS.slice(fnat.offset).startsWith('TCP  10.186.86.79:8443')).toBe(true);
    expect(STATS.slice(fnat.realServers[1].offset).startsWith('-> 10.186.80.12:8443')).toBe(true);
  });

  it('reads IPv6 services and real servers written in brackets', () => {
    const text = `IP Virtual Server version 1.2.1 (size=4096)
Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes
  -> RemoteAddress:Port
TCP  [2001:db8:10::100]:443             10      120      110     7200     6600
  -> [2001:db8:10::21]:443              10      120      110     7200     6600
`;
    const [service] = parseIpvsadm(text);
    expect([service.address?.family, service.address?.text, service.port]).toEqual([6, '2001:db8:10::100', 443]);
    expect(service.realServers.map((r) => [r.address.family, r.address.text, r.port])).toEqual([[6, '2001:db8:10::21', 443]]);
    expect(service.stats).toEqual({ conns: 10, inPkts: 120, outPkts: 110 });
  });

  it('reads firewall-mark services, which have a mark instead of an address', () => {
    const text = `IP Virtual Server version 1.2.1 (size=4096)
Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes
  -> RemoteAddress:Port
FWM  10                                 33      410      388    24600    23280
  -> 192.168.10.21:0                    33      410      388    24600    23280
`;
    const [service] = parseIpvsadm(text);
    expect([service.protocol, service.fwmark, service.address, service.port]).toEqual(['FWM', 10, undefined, undefined]);
    expect(service.realServers.map((r) => `${r.address.text}:${r.port}`)).toEqual(['192.168.10.21:0']);
    expect(service.stats).toEqual({ conns: 33, inPkts: 410, outPkts: 388 });
  });

  it('reads the plain -Ln format (scheduler, Route/Masq columns) without counters', () => {
    const text = `IP Virtual Server version 1.2.1 (size=4096)
Prot LocalAddress:Port Scheduler Flags
  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
TCP  192.168.10.100:80 wlc persistent 300
  -> 192.168.10.21:80             Route   1      12         40
  -> 192.168.10.22:80             Route   1      11         38
TCP  192.168.10.100:443 rr
  -> 10.20.0.21:8443              Masq    100    3          9
FWM  10 wlc
  -> 192.168.10.21:0              Route   1      0          0
`;
    expect(summary(text)).toEqual([
      { service: ['TCP', '192.168.10.100', 80], realServers: ['192.168.10.21:80', '192.168.10.22:80'] },
      { service: ['TCP', '192.168.10.100', 443], realServers: ['10.20.0.21:8443'] },
      { service: ['FWM', 10, undefined], realServers: ['192.168.10.21:0'] },
    ]);
    const services = parseIpvsadm(text);
    expect(services.map((s) => s.stats)).toEqual([undefined, undefined, undefined]);
    expect(services[0].realServers.map((r) => r.stats)).toEqual([undefined, undefined]);
  });

  it('gives nothing for empty text, an empty table or unrelated text', () => {
    expect(parseIpvsadm('')).toEqual([]);
    expect(parseIpvsadm('IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n')).toEqual([]);
    expect(parseIpvsadm('Can\'t initialize ipvs: Protocol not available\nAre you sure that IP Virtual Server is built in the kernel or as module?\n')).toEqual([]);
  });
});
