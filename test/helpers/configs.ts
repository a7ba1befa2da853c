// Config snippets several rule tests build on.

/** A minimal BACKUP vrrp_instance with one VIP. */
export const instance = (name: string, iface: string, vrid: number, vip: string) => [
  `vrrp_instance ${name} {`,
  '    state BACKUP',
  `    interface ${iface}`,
  `    virtual_router_id ${vrid}`,
  '    priority 100',
  '    virtual_ipaddress {',
  `        ${vip}`,
  '    }',
  '}',
  '',
].join('\n');
