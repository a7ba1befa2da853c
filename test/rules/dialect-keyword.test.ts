import { describe, expect, it } from 'vitest';
import { found, where } from '../helpers/lint-text.js';

const RULE = 'dialect-keyword';
const DPVS = { dialect: 'dpvs' } as const;

const FNAT_SERVICE = [
  'local_address_group laddr_g1 {',
  '    10.0.0.21 dpdk0',
  '    10.0.0.22 dpdk0',
  '}',
  'virtual_server 10.0.0.100 80 {',
  '    delay_loop 6',
  '    lvs_sched rr',
  '    lvs_method FNAT',
  '    protocol TCP',
  '    laddr_group_name laddr_g1',
  '    syn_proxy',
  '    real_server 10.0.1.11 80 {',
  '        weight 1',
  '    }',
  '}',
  '',
].join('\n');

describe(RULE, () => {
  it('reports DPVS-fork keywords and values under stock keepalived', () => {
    expect(where(RULE, FNAT_SERVICE)).toEqual([[1, 'local_address_group'], [8, 'FNAT'], [10, 'laddr_group_name'], [11, 'syn_proxy']]);
  });

  it('says that a fork-only block is rejected with its block, and how to switch the dialect', () => {
    const [block, value] = found(RULE, FNAT_SERVICE);
    expect(block.message).toContain("'local_address_group' exists only in the DPVS fork");
    expect(block.message).toContain('together with its block');
    expect(block.message).toContain("dialect: dpvs");
    expect(value.message).toContain("'FNAT' is a value of the DPVS fork only; stock keepalived rejects it for 'lvs_method'");
  });

  it('does not report the fork additions under the dpvs dialect', () => {
    expect(where(RULE, FNAT_SERVICE, DPVS)).toEqual([]);
  });

  it('reports a stock keyword that the DPVS fork lacks, only under the dpvs dialect', () => {
    const text = 'global_defs {\n    router_id LB1\n    max_auto_priority 50\n}\n';
    const [d, ...rest] = found(RULE, text, DPVS);
    expect(rest).toEqual([]);
    expect([d.line, d.text]).toEqual([3, 'max_auto_priority']);
    expect(d.message).toContain('the DPVS fork (based on keepalived 2.0.19) does not have');
    expect(where(RULE, text)).toEqual([]);
  });

  it('does not report stock keywords and values under stock keepalived, nor typos', () => {
    const text = [
      'virtual_server 10.0.0.100 80 {',
      '    delay_loop 6',
      '    lvs_sched wlc',
      '    lvs_method NAT',
      '    protocol TCP',
      '    real_server 10.0.1.11 80 {',
      '        weight 1',
      '    }',
      '}',
      '',
    ].join('\n');
    expect(where(RULE, text)).toEqual([]);
    expect(where(RULE, text.replace('lvs_method NAT', 'lvs_method FNATT'))).toEqual([]);
  });
});
