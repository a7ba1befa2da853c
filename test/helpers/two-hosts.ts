// A two-host workspace for the tests that check a file the same way through every entry point
// (CLI on one file, --stdin, the workspace run, the editor). The hosts are named in the configs
// (`# keepalived-lint host=`), not by `configs:` globs, so only a run that looks at the other
// configs of the workspace knows lb2's config is lb1's peer; lb1's VRRP instance lives in an
// included fragment, and lb1 serves a virtual_server on a VIP only lb2's config carries.
export const TWO_HOST_YAML = `version: 1
hosts:
  lb1:
    interfaces:
      eth0: [192.168.10.11/24]
  lb2:
    interfaces:
      eth0: [192.168.10.12/24]
`;

const instance = (name: string, vrid: number, priority: number, pass: string, vip: string) => `vrrp_instance ${name} {
    state BACKUP
    interface eth0
    virtual_router_id ${vrid}
    priority ${priority}
    advert_int 1
    authentication {
        auth_type PASS
        auth_pass ${pass}
    }
    virtual_ipaddress {
        ${vip}/24
    }
}
`;

const service = (vip: string) => `virtual_server ${vip} 80 {
    lvs_sched rr
    lvs_method DR
    protocol TCP
    real_server 192.168.10.21 80 {
        weight 1
        TCP_CHECK {
            connect_timeout 3
        }
    }
}
`;

const head = (host: string) => `# keepalived-lint host=${host}\nglobal_defs {\n    router_id ${host}\n}\n`;

/** The healthy workspace: relative path -> text. */
export function twoHostFiles(lb1Pass = 'secret1'): Record<string, string> {
  return {
    'keepalived-lint.yaml': TWO_HOST_YAML,
    'lb1/keepalived.conf': `${head('lb1')}include conf.d/*.conf\n${service('192.168.10.101')}`,
    'lb1/conf.d/vrrp.conf': instance('VI_1', 51, 150, lb1Pass, '192.168.10.100'),
    'lb2/keepalived.conf': `${head('lb2')}${instance('VI_1', 51, 100, 'secret1', '192.168.10.100')}${instance('VI_2', 52, 150, 'secret2', '192.168.10.101')}${service('192.168.10.101')}`,
  };
}
