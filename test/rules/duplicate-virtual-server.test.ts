import { describe, expect, it } from 'vitest';
import { found, memoryFiles, where } from '../helpers/lint-text.js';

const RULE = 'duplicate-virtual-server';

const service = (head: string, protocol = 'TCP', rs = '10.0.1.11') => `virtual_server ${head} {
    lvs_sched wlc
    lvs_method NAT
    protocol ${protocol}
    real_server ${rs} 80 {
        weight 1
    }
}
`;

describe(RULE, () => {
  it('reports the second definition of an address, port and protocol', () => {
    const text = service('10.0.0.100 80') + service('10.0.0.100 80', 'TCP', '10.0.1.12');
    const [hit, ...rest] = found(RULE, text);
    expect(rest).toEqual([]);
    expect([hit.line, hit.text]).toEqual([9, 'virtual_server']);
    expect(hit.severity).toBe('warning');
    expect(hit.message).toContain('virtual_server 10.0.0.100 80 TCP is already defined on line 1');
    expect(hit.message).toContain("keeps the first block's scheduler and options");
    expect(hit.diagnostic.related?.[0]).toMatchObject({ start: 0 });
  });

  it('compares the address, not its spelling, and reports fwmark and group services', () => {
    expect(where(RULE, service('fd00:10::100 443') + service('fd00:10:0::100 443'))).toEqual([[9, 'virtual_server']]);
    expect(where(RULE, service('fwmark 7') + service('fwmark 7'))).toEqual([[9, 'virtual_server']]);
    const group = 'virtual_server_group WEB {\n    10.0.0.100 80\n}\n';
    expect(where(RULE, group + service('group WEB') + service('group WEB'))).toEqual([[12, 'virtual_server']]);
  });

  it('finds the first definition in an included file', () => {
    const files = memoryFiles({ '/etc/keepalived/conf.d/web.conf': service('10.0.0.100 80') });
    const [hit] = found(RULE, `include conf.d/*.conf\n${service('10.0.0.100 80')}`, {}, files);
    expect(hit.line).toBe(2);
    expect(hit.message).toContain('already defined on line 1 of conf.d/web.conf');
  });

  it('sees through $NAME definitions', () => {
    expect(where(RULE, `$VIP=10.0.0.100\n${service('$VIP 80')}${service('10.0.0.100 80')}`)).toEqual([[10, 'virtual_server']]);
  });

  it('judges each config id: the same service chosen by different ids is no duplicate', () => {
    const text = service('10.0.0.100 80').replace(/^(?=.)/gm, '@lb1 ') + service('10.0.0.100 80').replace(/^(?=.)/gm, '@lb2 ');
    expect(where(RULE, text)).toEqual([]);
    const both = `@lb1 $SCHED=wlc\n${service('10.0.0.100 80')}${service('10.0.0.100 80').replace(/^(?=.)/gm, '@lb2 ')}`;
    const [hit, ...rest] = found(RULE, both);
    expect(rest).toEqual([]);
    expect([hit.line, hit.message.endsWith('(with config id lb2)')]).toEqual([10, true]);
  });

  it('accepts another port, another protocol, another address or mark', () => {
    expect(where(RULE, service('10.0.0.100 80') + service('10.0.0.100 443'))).toEqual([]);
    expect(where(RULE, service('10.0.0.100 53') + service('10.0.0.100 53', 'UDP'))).toEqual([]);
    expect(where(RULE, service('10.0.0.100 80') + service('10.0.0.101 80'))).toEqual([]);
    expect(where(RULE, service('fwmark 7') + service('fwmark 8'))).toEqual([]);
  });
});
