// One root diagnostic per fault: nothing after the line where keepalived stops reading, and a
// fault inside a `$NAME` definition once at the definition instead of at every use.
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../grammar/index.js';
import { lintSnippet, memoryFiles, TEST_PATH } from '../helpers/lint-text.js';

/** [rule, line] of every diagnostic, in order. */
function findings(text: string, files?: Record<string, string>): Array<[string, number, string]> {
  const index = new LineIndex(text);
  return lintSnippet(text, {}, files && memoryFiles(files)).map((d) => [d.rule, d.path === TEST_PATH ? index.positionAt(d.start).line + 1 : -1, d.path]);
}

// A template with placeholders left in (corpus file 093): keepalived stops at `state`.
const TEMPLATE = `vrrp_instance VI_1 {
    state
    interface
    virtual_router_id
    priority
    bogus_keyword 1
    advert_int 1
    virtual_ipaddress { 10.0.0.100/24
    }
}

`;

describe('after the line where keepalived stops reading', () => {
  it('reports the stop once, says how many lines keepalived never reads, and nothing after it', () => {
    expect(findings(TEMPLATE)).toEqual([['missing-argument', 2, TEST_PATH]]);
    const [stop] = lintSnippet(TEMPLATE);
    expect(stop.message).toContain('keepalived stops reading the configuration here');
    expect(stop.message).toContain('keepalived never reads the 9 lines after it');
  });

  it('keeps what comes before the stop, and drops the stopped process\'s blocks in files included after it', () => {
    const text = `global_defs {\n    bogus_global 1\n}\ninclude conf.d/*.conf\n${TEMPLATE}include late.conf\n`;
    const files = { '/etc/keepalived/conf.d/a.conf': 'bogus_top 1\n', '/etc/keepalived/late.conf': 'vrrp_instance VI_9 {\n    bogus_late 1\n}\n' };
    expect(findings(text, files)).toEqual([
      ['unknown-keyword', -1, '/etc/keepalived/conf.d/a.conf'],
      ['unknown-keyword', 2, TEST_PATH],
      ['missing-argument', 6, TEST_PATH],
    ]);
  });

  it('keeps what the other processes read after it (corpus file 138: the checker reads on)', () => {
    const text = `${TEMPLATE}virtual_server 10.0.0.100 80 {\n    bogus_vs 1\n}\nbogus_top 1\n`;
    expect(findings(text)).toEqual([
      ['missing-argument', 2, TEST_PATH],
      ['virtual-server-without-real-servers', 12, TEST_PATH],
      ['unknown-keyword', 13, TEST_PATH],
      ['unknown-keyword', 15, TEST_PATH],
    ]);
    expect(lintSnippet(text)[0].message).toContain('keepalived never reads the 9 lines after it');
  });

  it('stops at a missing value inside an included file, for the rest of the including file too', () => {
    const files = { '/etc/keepalived/conf.d/a.conf': 'global_defs {\n    router_id\n}\n' };
    expect(findings('include conf.d/a.conf\nbogus_after 1\n', files)).toEqual([['missing-argument', -1, '/etc/keepalived/conf.d/a.conf']]);
  });

  it('does not count a keyword written without its value as missing from its block', () => {
    const missing = findings('vrrp_script chk {\n    script\n    interval 2\n}\n').filter(([rule]) => rule.startsWith('missing-'));
    expect(missing).toEqual([['missing-argument', 2, TEST_PATH]]);
  });
});

describe('a fault inside a $NAME definition', () => {
  const AUTH = [
    '$AUTH=\\',
    '    authentication { \\',
    '        auth_type PASS \\',
    '        auth_pass a3dswd3410 \\',
    '    }',
    '',
  ].join('\n');
  const instance = (name: string, vrid: number) => `vrrp_instance ${name} {\n    interface eth0\n    virtual_router_id ${vrid}\n    $AUTH\n    virtual_ipaddress {\n        10.0.0.${vrid}/24\n    }\n}\n`;

  it('is reported once, at the definition, with the uses as related locations', () => {
    const text = AUTH + instance('VI_1', 1) + instance('VI_2', 2) + instance('VI_3', 3);
    const hits = lintSnippet(text).filter((d) => d.rule === 'auth-pass-too-long');
    expect(hits).toHaveLength(1);
    expect(text.slice(hits[0].start, hits[0].end)).toBe('$AUTH');
    expect(hits[0].start).toBe(0);
    expect(hits[0].message).toContain('(in the definition of $AUTH, found at each of its 3 uses)');
    const index = new LineIndex(text);
    expect(hits[0].related?.map((r) => [index.positionAt(r.start).line + 1, r.message])).toEqual([[9, '$AUTH used here'], [17, '$AUTH used here'], [25, '$AUTH used here']]);
  });

  it('says at which uses when only some of them have the fault, and leaves a fault of one use at that use', () => {
    const chk = (name: string) => `vrrp_script ${name} {\n    script "/bin/true"\n    weight $PRIO\n}\n`;
    const text = `$PRIO=254\nvrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 1\n    priority $PRIO\n}\n${chk('a')}${chk('b')}`;
    const hits = lintSnippet(text).filter((d) => d.rule === 'invalid-value');
    expect(hits.map((d) => [text.slice(d.start, d.end), d.message.replace(/^.*\(in/, '(in')])).toEqual([['$PRIO', '(in the definition of $PRIO, found at 2 of its 3 uses)']]);
    expect(hits[0].start).toBe(0);
    const once = `$PRIO=254\n${chk('a')}`;
    expect(lintSnippet(once).filter((d) => d.rule === 'invalid-value').map((d) => [once.slice(0, d.start).split('\n').length, d.message.includes('definition')])).toEqual([[4, false]]);
  });
});
