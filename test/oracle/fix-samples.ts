// Planted faults for the fix safety test: each has something --fix could be tempted to
// rewrite, in plain text and inside `$NAME` uses, definitions, ~SEQ/~LST lines and @id lines.

const service = (...lines: string[]) => ['virtual_server 10.0.0.1 80 {', ...lines.map((l) => `    ${l}`), '    protocol TCP', '    real_server 10.0.0.2 80 {', '        weight 1', '        TCP_CHECK {', '            connect_timeout 3', '        }', '    }', '}', ''].join('\n');

export const PLANTED: Array<{ name: string; text: string }> = [
  { name: 'planted:multi-line-definition-use', text: `$CHK= \\\n    delay_loop 6 \\\n    lvs_schedd rr\n\n${service('$CHK')}` },
  { name: 'planted:single-line-definition-use', text: `$ALG=lb_algo rr\n\n${service('$ALG')}` },
  { name: 'planted:definition-used-twice', text: `$ALG=lb_algo rr\n\n${service('$ALG')}${service('$ALG').replace('10.0.0.1 80', '10.0.0.1 443')}` },
  { name: 'planted:plain-typos', text: service('lb_algo rr', 'lb_kind DR', 'delay_loopp 6') },
  { name: 'planted:word-in-reference', text: `$KIND=DR\n\n${service('lb_kind $KIND', 'lb_algo rr')}` },
  { name: 'planted:seq', text: `~SEQ(i, 1, 3) virtual_server 10.0.0.$i 80 { lb_algo rr\n}\n${service('lb_algo wrr')}` },
  { name: 'planted:lst', text: `~LST(p, 80, 443) virtual_server 10.0.0.5 $p { lb_kind DR\n}\n` },
  { name: 'planted:conditional', text: service('@a lb_algo rr', '@b lb_algo wrr', '@^a lb_kind NAT') },
  { name: 'planted:keyword-from-definition', text: `$KW=lb_algo\n\n${service('$KW rr')}` },
  { name: 'planted:statements-on-one-line', text: `${service('delay_loop 6 lb_algo rr lb_kind DR')}${service('@a delay_loop 6 lb_algo wrr').replace('10.0.0.1 80', '10.0.0.1 443')}$SET=delay_loop 6 lb_algo rr\n${service('$SET').replace('10.0.0.1 80', '10.0.0.1 8080')}~SEQ(i, 1, 2) virtual_server 10.0.0.$i 81 { delay_loop 6 lb_algo rr\n}\n` },
  { name: 'planted:vrrp-state', text: 'vrrp_instance VI_1 {\n    state MASTR\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    nopreempt\n    virtual_ipaddress {\n        10.0.0.10/24\n    }\n}\n' },
];
