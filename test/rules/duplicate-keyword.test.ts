import { describe, expect, it } from 'vitest';
import repeated from '../../grammar/keywords/repeated-keywords.json';
import { keywordData } from '../../grammar/keywords/index.js';
import { instance } from '../helpers/configs.js';
import { found, memoryFiles, where } from '../helpers/lint-text.js';

const RULE = 'duplicate-keyword';

const web = (extra: string) => instance('VI_WEB', 'eth0', 51, '10.0.0.100/24').replace('    priority 100\n', `    priority 100\n${extra}`);

const service = (body: string) => `virtual_server 10.0.0.100 80 {
    lvs_sched wlc
    protocol TCP
${body}    real_server 10.0.1.11 80 {
        weight 1
        HTTP_GET {
            url {
                path /health
                status_code 200
                status_code 204
            }
        }
    }
}
`;

describe(RULE, () => {
  it('reports the overridden line and says the last value wins', () => {
    const text = web('    advert_int 1\n    priority 150\n');
    const [hit, ...rest] = found(RULE, text);
    expect(rest).toEqual([]);
    expect([hit.line, hit.text]).toEqual([5, 'priority']);
    expect(hit.severity).toBe('warning');
    expect(hit.message).toBe("'priority 100' has no effect: 'priority 150' on line 7 sets it again, and keepalived keeps the last value without a warning");
    expect(hit.diagnostic.related?.[0]).toMatchObject({ message: 'the value keepalived uses', start: text.indexOf('priority 150') });
  });

  it('says the first wins for the keywords keepalived keeps the first of (notify scripts)', () => {
    const text = web('    notify_master /etc/keepalived/master.sh\n    notify_master /etc/keepalived/mail.sh\n');
    expect(where(RULE, text)).toEqual([[7, 'notify_master']]);
    expect(found(RULE, text)[0].message).toContain("'notify_master /etc/keepalived/mail.sh' is ignored: 'notify_master' is already given on line 6, and keepalived keeps the first one");
  });

  it('counts an alias and its keyword as one setting (lb_kind / lvs_method)', () => {
    expect(where(RULE, service('    lb_kind NAT\n    lvs_method DR\n'))).toEqual([[4, 'lb_kind']]);
  });

  it('compares a line in an included file with the block it is read in', () => {
    const text = web('    include /etc/keepalived/prio.conf\n');
    const files = memoryFiles({ '/etc/keepalived/prio.conf': 'priority 200\n' });
    const [hit] = found(RULE, text, {}, files);
    expect([hit.line, hit.text]).toEqual([5, 'priority']);
    expect(hit.message).toContain("'priority 200' on line 1 of prio.conf sets it again");
  });

  it('compares the values after $NAME substitution', () => {
    expect(where(RULE, `$PRIO=100\n${web('    priority $PRIO\n')}`)).toEqual([]);
    expect(where(RULE, `$PRIO=150\n${web('    priority $PRIO\n')}`)).toEqual([[6, 'priority']]);
  });

  it('reports a conditional line only in the config whose id selects it', () => {
    const [hit, ...rest] = found(RULE, web('@lb1    advert_int 2\n@lb2    priority 90\n'));
    expect(rest).toEqual([]);
    expect(hit.line).toBe(5);
    expect(hit.message).toContain('(with config id lb2)');
  });

  it('accepts alternatives of one keyword selected by different config ids', () => {
    const text = instance('VI_WEB', 'eth0', 51, '10.0.0.100/24').replace('    priority 100\n', '@lb1    priority 150\n@lb2    priority 100\n');
    expect(where(RULE, text)).toEqual([]);
  });

  it('accepts keywords that add up (status_code), value blocks, flags and the same value twice', () => {
    expect(where(RULE, service(''))).toEqual([]);
    expect(where(RULE, web('    virtual_ipaddress {\n        10.0.0.101/24\n    }\n'))).toEqual([]);
    expect(where(RULE, web('    nopreempt\n    nopreempt\n    priority 100\n'))).toEqual([]);
  });

  it('compares lines of one block only (one weight per real_server)', () => {
    const two = service('').replace('    real_server 10.0.1.11 80 {', '    real_server 10.0.1.12 80 {\n        weight 2\n    }\n    real_server 10.0.1.11 80 {');
    expect(where(RULE, two)).toEqual([]);
  });

  it('names only keyword paths the keyword data has', () => {
    const paths = new Set(keywordData.keywords.map((k) => k.path));
    expect([...repeated.accumulate, ...repeated.firstWins].filter((p) => !paths.has(p))).toEqual([]);
  });
});
