import { describe, expect, it } from 'vitest';
import { applyFixTo, found, memoryFiles, where } from '../helpers/lint-text.js';

const RULE = 'dr-port-mismatch';

const service = (method: string, vsPort: string, ...rsPorts: string[]) => `virtual_server 192.168.10.100 ${vsPort} {
    delay_loop 6
    lvs_sched wlc
    lvs_method ${method}
    protocol TCP
${rsPorts.map((p, i) => `    real_server 192.168.10.${21 + i} ${p} {
        weight 1
    }
`).join('')}}
`;

describe(RULE, () => {
  it('reports a real_server port that differs from the virtual_server port under DR', () => {
    const text = service('DR', '80', '80', '8080');
    const hits = found(RULE, text);
    expect(hits.map((h) => [h.line, h.text])).toEqual([[9, '8080']]);
    // keepalived accepts the config and traffic still flows, to the virtual port: a warning.
    expect(hits[0].severity).toBe('warning');
    expect(hits[0].message).toContain('real_server port 8080 differs from the virtual_server port 80');
    expect(hits[0].message).toContain('with DR forwarding the packet reaches the real server unchanged: it must listen on 80');
  });

  it('fixes the real_server port to the virtual_server port', () => {
    const text = service('DR', '80', '80', '8080');
    const [d] = found(RULE, text);
    expect(applyFixTo(text, d.diagnostic.fix!)).toBe(service('DR', '80', '80', '80'));
  });

  it('reports TUN too, also when the method is spelt with the old lb_kind', () => {
    expect(where(RULE, service('TUN', '443', '8443'))).toEqual([[6, '8443']]);
    expect(where(RULE, service('DR', '443', '8443').replace('lvs_method DR', 'lb_kind DR'))).toEqual([[6, '8443']]);
  });

  it('accepts port translation under NAT', () => {
    expect(where(RULE, service('NAT', '80', '8080', '8081'))).toEqual([]);
  });

  it('accepts equal ports and port 0 (unset)', () => {
    expect(where(RULE, service('DR', '80', '80', '0'))).toEqual([]);
  });

  it('does not judge fwmark services, which have no port', () => {
    const text = 'virtual_server fwmark 10 {\n    lvs_sched wlc\n    lvs_method DR\n    real_server 192.168.10.21 80 {\n        weight 1\n    }\n}\n';
    expect(where(RULE, text)).toEqual([]);
  });

  describe('virtual_server group', () => {
    const grouped = (entries: string, rsPort: string) => `virtual_server_group WEB {
${entries}}
virtual_server group WEB {
    lvs_sched wlc
    lvs_method DR
    protocol TCP
    real_server 192.168.10.21 ${rsPort} {
        weight 1
        TCP_CHECK {
            connect_timeout 3
        }
    }
}
`;

    it('reports a real_server port that differs from group entries, naming them, without a fix', () => {
      const text = grouped('    192.168.10.100-102 80\n    192.168.10.110 443\n    192.168.10.120\n', '8080');
      const hits = found(RULE, text);
      expect(hits.map((h) => [h.line, h.text])).toEqual([[10, '8080']]);
      expect(hits[0].message).toContain("virtual_server_group 'WEB' entries 192.168.10.100-102 port 80, 192.168.10.110 port 443, 192.168.10.120 (no port: every port)");
      expect(hits[0].message).toContain('keepalived ignores port 8080');
      // The real_server port is also where TCP_CHECK connects: rewriting it would move the check.
      expect(hits[0].diagnostic.fix).toBeUndefined();
    });

    it('names only the entries whose port differs', () => {
      const [hit] = found(RULE, grouped('    192.168.10.100 80\n    192.168.10.110 443\n', '80'));
      expect(hit.message).toContain("entries 192.168.10.110 port 443;");
    });

    it('accepts a real_server on the port of every entry, and port 0', () => {
      expect(where(RULE, grouped('    192.168.10.100-102 80\n    192.168.10.110 80\n', '80'))).toEqual([]);
      expect(where(RULE, grouped('    192.168.10.100-102 80\n    192.168.10.110 443\n', '0'))).toEqual([]);
    });

    it('leaves groups with fwmark entries to fwmark-port-ignored (one finding per port)', () => {
      const text = grouped('    192.168.10.100 80\n    fwmark 9\n', '8080');
      expect(where(RULE, text)).toEqual([]);
      expect(where('fwmark-port-ignored', text)).toEqual([[9, '8080']]);
    });

    it('finds the group in an included file and through a $NAME port', () => {
      const main = '$WEB_PORT=8080\ninclude groups.conf\n' + grouped('', '$WEB_PORT').replace(/^virtual_server_group WEB \{\n\}\n/, '');
      const files = memoryFiles({ '/etc/keepalived/groups.conf': 'virtual_server_group WEB {\n    192.168.10.100 80\n}\n' });
      expect(found(RULE, main, {}, files).map((h) => h.line)).toEqual([7]);
    });

    it('judges each config id of a conditional real_server port', () => {
      const text = grouped('    192.168.10.100 80\n', '80').replace('    real_server 192.168.10.21 80 {', '@lb1    real_server 192.168.10.21 80 {\n@lb2    real_server 192.168.10.21 8080 {');
      expect(where(RULE, text)).toEqual([[9, '8080']]);
    });
  });
});
