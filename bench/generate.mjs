// Writes a keepalived.conf with N LVS-DR virtual servers of 4 real servers each
// (44 lines per virtual server: 2,000 -> ~88k lines, 20,000 -> ~880k lines).
import { writeFileSync } from 'node:fs';

export function generateConfig(virtualServers) {
  const lines = ['global_defs {', '    router_id LVS_BENCH', '}', ''];
  for (let v = 0; v < virtualServers; v++) {
    const vip = `10.${(v >> 8) & 255}.${v & 255}.1`;
    lines.push(`virtual_server ${vip} 80 {`, '    delay_loop 6', '    lvs_sched wrr', '    lvs_method DR', '    persistence_timeout 50', '    protocol TCP');
    for (let r = 1; r <= 4; r++) {
      lines.push(`    real_server 192.168.${v % 250}.${r + 10} 80 {`, '        weight 1', '        TCP_CHECK {', '            connect_port 80',
        '            connect_timeout 3', '            retry 3', '            delay_before_retry 3', '        }', '    }');
    }
    lines.push('}');
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [count = '2000', out = `bench-${count}.conf`] = process.argv.slice(2);
  writeFileSync(out, generateConfig(Number(count)));
  console.log(`wrote ${out}`);
}
