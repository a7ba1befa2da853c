// $NAME definitions, @id conditionals, ~SEQ/~LST replication and include, with source mapping.
import { describe, expect, it } from 'vitest';
import { parse, type StatementNode } from '../../grammar/index.js';
import { memoryFiles } from '../helpers/lint-text.js';

const flat = (text: string, configId?: string, files?: ReturnType<typeof memoryFiles>) => {
  const out: string[][] = [];
  const visit = (items: ReturnType<typeof parse>['document']['items']) => {
    for (const item of items) {
      if (item.type === 'statement') {
        out.push(item.words.map((w) => w.value));
        if (item.block) visit(item.block.items);
      } else if (item.type === 'block') visit(item.items);
    }
  };
  visit(parse('/etc/keepalived/keepalived.conf', text, { configId, includes: files }).document.items);
  return out;
};

describe('definitions', () => {
  it('substitutes $NAME and ${NAME} and maps the words back to the reference', () => {
    const text = '$IF=eth0\ninterface $IF\nvip 10.0.0.1/24 dev ${IF}\n';
    expect(flat(text)).toEqual([['interface', 'eth0'], ['vip', '10.0.0.1/24', 'dev', 'eth0']]);
    const stmt = parse('/k', text).document.items[1] as StatementNode;
    expect(text.slice(stmt.words[3].span.start, stmt.words[3].span.end)).toBe('${IF}');
    expect(stmt.words[3].via).toBe('IF');
  });

  it('leaves $NAME alone when followed by a character other than blank , ) or end of line', () => {
    expect(flat('$IP=10.0.0.1\naddr $IP/24\n')).toEqual([['addr', '$IP/24']]);
  });

  it('treats "$NAME =" (space before =) as an ordinary line, like keepalived', () => {
    expect(flat('$X =1\n')).toEqual([['$X', '=1']]);
  });

  it('expands a multi-line definition into several lines, all mapped to the reference (as keepalived numbers them)', () => {
    const text = '$BLOCK=vrrp_script s { \\\n  script /bin/true \\\n}\n$BLOCK\n';
    expect(flat(text)).toEqual([['vrrp_script', 's'], ['script', '/bin/true']]);
    const stmt = parse('/k', text).document.items[0] as StatementNode;
    const inner = stmt.block!.items[0] as StatementNode;
    expect(text.slice(inner.words[0].span.start, inner.words[0].span.end)).toBe('$BLOCK');
    expect(inner.words[0].via).toBe('BLOCK');
  });

  it('remembers where an expanded word is written: in its definition, never for built-ins, loop variables or glued words', () => {
    const text = '$SRV=lb_algo rr\n$M= \\\n  delay_loop 6\n~SEQ(i, 1, 1) router_id $i\n$SRV\n$M\nx ${_RANDOM 5 9}y ${SRV}z\n';
    const words = parse('/k', text).document.items.flatMap((i) => (i.type === 'statement' ? i.words : []));
    const written = words.map((w) => [w.value, w.written && text.slice(w.written.start, w.written.end)]);
    expect(written).toEqual([['router_id', undefined], ['1', undefined], ['lb_algo', 'lb_algo'], ['rr', 'rr'], ['delay_loop', 'delay_loop'], ['6', '6'], ['x', undefined], ['5y', undefined], ['lb_algo', 'lb_algo'], ['rrz', undefined]]);
    expect(words.find((w) => w.value === 'rr')!.written!.start).toBe(text.indexOf('rr'));
  });

  it('splits an undefined ${NAME} at its braces, as keepalived does', () => {
    expect(flat('router_id ${NOPE}\n')).toEqual([['router_id', '$'], ['NOPE']]);
  });

  it('reports a definition that refers to itself at each use, expanding it only until the first runaway', () => {
    const text = `$A=$A $A\n${'router_id $A\n'.repeat(40)}`;
    const result = parse('/k', text);
    const runaways = result.issues.filter((i) => i.kind === 'runaway-definition');
    expect(runaways.map((i) => text.slice(i.span.start, i.span.end))).toEqual(Array(40).fill('router_id $A'));
    // One use is expanded until it runs away (at most 512 substitutions); the others stop at once.
    const references = result.references.filter((r) => r.name === 'A').length;
    expect(references).toBeGreaterThan(100);
    expect(references).toBeLessThanOrEqual(513 + 39);
  });
});

describe('conditional lines', () => {
  const text = '@a priority 100\n@^a priority 50\nstate BACKUP\n';
  it('keeps @id lines only for that config id and @^id lines for the others', () => {
    expect(flat(text, 'a')).toEqual([['priority', '100'], ['state', 'BACKUP']]);
    expect(flat(text, 'b')).toEqual([['priority', '50'], ['state', 'BACKUP']]);
  });
  it('keeps every line when no config id is chosen (the union view)', () => {
    expect(flat(text)).toEqual([['priority', '100'], ['priority', '50'], ['state', 'BACKUP']]);
  });
});

describe('replication', () => {
  it('~SEQ stamps a line once per value', () => {
    expect(flat('~SEQ(i, 1, 3) real_server 10.0.0.$i 80\n')).toEqual([1, 2, 3].map((i) => ['real_server', `10.0.0.${i}`, '80']));
  });
  it('~LST iterates over value tuples', () => {
    expect(flat('~LST({A,B}, {x,1}, {y,2}) $A $B\n')).toEqual([['x', '1'], ['y', '2']]);
  });
  it('reports a ~SEQ whose step never reaches the end', () => {
    expect(parse('/k', '~SEQ(i, 1, -1, 5) x $i\n').issues.map((i) => i.kind)).toEqual(['invalid-replication']);
  });
});

describe('include', () => {
  it('reads included files in place, relative to the including file, with their own file ids', () => {
    const files = memoryFiles({ '/etc/keepalived/conf.d/a.conf': 'vrrp_script a {\n}\n', '/etc/keepalived/conf.d/b.conf': 'vrrp_script b {\n}\n' });
    const result = parse('/etc/keepalived/keepalived.conf', 'include conf.d/*.conf\nglobal_defs {\n}\n', { includes: files });
    expect(result.files.map((f) => f.path)).toEqual(['/etc/keepalived/keepalived.conf', '/etc/keepalived/conf.d/a.conf', '/etc/keepalived/conf.d/b.conf']);
    expect(flat('include conf.d/*.conf\n', undefined, files)).toEqual([['vrrp_script', 'a'], ['vrrp_script', 'b']]);
  });
  it('detects a file that includes itself', () => {
    const files = memoryFiles({ '/etc/keepalived/keepalived.conf': 'include keepalived.conf\n' });
    const result = parse('/etc/keepalived/keepalived.conf', 'include keepalived.conf\n', { includes: files });
    expect(result.includes[0].problems.map((p) => p.kind)).toEqual(['cycle']);
  });
});
