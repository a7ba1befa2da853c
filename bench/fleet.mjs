// Writes a generated fleet workspace for `npm run bench`: N hosts as N/2 VRRP + LVS-DR pairs,
// one ~300-line keepalived.conf per host, and a keepalived-lint.yaml with every host's
// interfaces, firewall (iptables-save) and IPVS (ipvsadm -Ln --stats) facts. Pair p lives on
// segment 10.<p/250>.<p%250>.0/24 with VRID 1 + p%255; its two nodes are .11 and .12, the VIP .100.
// The fleet is healthy: host and pair checks have everything to compare and little to report.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const VIRTUAL_SERVERS = 6; // 44 lines each: with global_defs and the instance ~300 lines per file
const REAL_SERVERS = 4;

const segment = (pair) => `10.${Math.floor(pair / 250) + 1}.${pair % 250}`;
const hostName = (pair, node) => `lb${String(pair).padStart(4, '0')}-${node ? 'b' : 'a'}`;

function config(pair, node) {
  const net = segment(pair);
  const self = `${net}.${11 + node}`;
  const peer = `${net}.${12 - node}`;
  const lines = ['global_defs {', `    router_id ${hostName(pair, node)}`, '}', '',
    'vrrp_instance VI_WEB {', `    state ${node ? 'BACKUP' : 'MASTER'}`, '    interface eth0', `    virtual_router_id ${1 + (pair % 255)}`,
    `    priority ${node ? 100 : 150}`, '    advert_int 1', `    unicast_src_ip ${self}`, '    unicast_peer {', `        ${peer}`, '    }',
    '    authentication {', '        auth_type PASS', `        auth_pass p${pair}`, '    }',
    '    virtual_ipaddress {', `        ${net}.100/24 dev eth0`, '    }', '}', ''];
  for (let v = 0; v < VIRTUAL_SERVERS; v++) {
    lines.push(`virtual_server ${net}.100 ${8000 + v} {`, '    delay_loop 6', '    lvs_sched wrr', '    lvs_method DR', '    persistence_timeout 50', '    protocol TCP');
    for (let r = 1; r <= REAL_SERVERS; r++) {
      lines.push(`    real_server ${net}.${20 + r} ${8000 + v} {`, '        weight 1', '        TCP_CHECK {', `            connect_port ${8000 + v}`,
        '            connect_timeout 3', '            retry 3', '            delay_before_retry 3', '        }', '    }');
    }
    lines.push('}');
  }
  return `${lines.join('\n')}\n`;
}

function facts(pair, node) {
  const net = segment(pair);
  const firewall = ['*filter', ':INPUT ACCEPT [0:0]', ':FORWARD ACCEPT [0:0]', ':OUTPUT ACCEPT [0:0]',
    '-A INPUT -p vrrp -j ACCEPT', '-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT',
    `-A INPUT -d ${net}.100/32 -p tcp -m multiport --dports 8000:8099 -j ACCEPT`, '-A INPUT -s 192.0.2.0/24 -j DROP', 'COMMIT'];
  const ipvs = ['IP Virtual Server version 1.2.1 (size=4096)', 'Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes',
    '  -> RemoteAddress:Port'];
  for (let v = 0; v < VIRTUAL_SERVERS; v++) {
    const active = node === 0;
    ipvs.push(`TCP  ${net}.100:${8000 + v}              ${active ? 40 : 0}      ${active ? 400 : 0}      ${active ? 380 : 0}    24000    22800`);
    for (let r = 1; r <= REAL_SERVERS; r++) ipvs.push(`  -> ${net}.${20 + r}:${8000 + v}              ${active ? 10 : 0}      ${active ? 100 : 0}       ${active ? 95 : 0}     6000     5700`);
  }
  const indent = (l) => `      ${l}`;
  return [`  ${hostName(pair, node)}:`, `    labels: [pair${pair}, node${node}]`, '    interfaces:', `      eth0: [${net}.${11 + node}/24]`, '      lo: [127.0.0.1/8]',
    `    configs: [${hostName(pair, node)}/keepalived.conf]`, '    firewall: |', ...firewall.map(indent), '    ipvs: |', ...ipvs.map(indent)].join('\n');
}

/** Writes the fleet of `hosts` hosts (an even number) under `dir`; returns the config paths. */
export function writeFleet(dir, hosts) {
  rmSync(dir, { recursive: true, force: true });
  const yaml = ['version: 1', 'hosts:'];
  const files = [];
  for (let pair = 0; pair < hosts / 2; pair++) {
    for (const node of [0, 1]) {
      const name = hostName(pair, node);
      mkdirSync(join(dir, name), { recursive: true });
      const file = join(dir, name, 'keepalived.conf');
      writeFileSync(file, config(pair, node));
      files.push(file);
      yaml.push(facts(pair, node));
    }
  }
  writeFileSync(join(dir, 'keepalived-lint.yaml'), `${yaml.join('\n')}\n`);
  return files;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [count = '1000', out = `fleet-${count}`] = process.argv.slice(2);
  writeFleet(out, Number(count));
  console.log(`wrote ${out}`);
}
