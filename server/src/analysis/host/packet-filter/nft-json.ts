// `nft -j list ruleset` (libnftables JSON) written back as `nft list ruleset` text, so one
// parser reads both and findings quote rules in the syntax people type. Expressions we do not
// know are kept as an unknown condition (`limit {...}`), never dropped.
type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const only = (o: JsonObject): [string, Json] => (Object.entries(o)[0] ?? ['', null]) as [string, Json];

function left(expr: Json): string {
  if (!isObject(expr)) return String(expr);
  const [key, body] = only(expr);
  if (!isObject(body)) return `${key}`;
  if (key === 'payload') return `${body.protocol} ${body.field}`;
  if (key === 'meta' || key === 'ct') return `${key} ${body.key}`;
  return `${key} ${JSON.stringify(body)}`;
}

function value(expr: Json, quote: boolean): string {
  if (typeof expr === 'string') return quote && !expr.startsWith('@') ? `"${expr}"` : expr;
  if (typeof expr === 'number' || typeof expr === 'boolean') return String(expr);
  if (Array.isArray(expr)) return expr.map((e) => value(e, quote)).join(',');
  if (!isObject(expr)) return 'null';
  const [key, body] = only(expr);
  if (key === 'prefix' && isObject(body)) return `${value(body.addr, false)}/${body.len}`;
  if (key === 'range' && Array.isArray(body)) return `${value(body[0], quote)}-${value(body[1], quote)}`;
  if (key === 'set' && Array.isArray(body)) return `{ ${body.map((e) => (Array.isArray(e) && e.length === 2 && isObject(e[1]) ? `${value(e[0], quote)} : ${verdict(e[1])}` : value(e, quote))).join(', ')} }`;
  return `${key}(${JSON.stringify(body)})`;
}

function verdict(expr: JsonObject): string {
  const [key, body] = only(expr);
  if ((key === 'jump' || key === 'goto') && isObject(body)) return `${key} ${body.target}`;
  return key;
}

function statement(expr: Json): string {
  if (!isObject(expr)) return String(expr);
  const [key, body] = only(expr);
  if (key === 'match' && isObject(body)) {
    const l = left(body.left);
    const op = body.op === '!=' ? '!= ' : '';
    return `${l} ${op}${value(body.right, /iifname|oifname/.test(l))}`;
  }
  if (key === 'vmap' && isObject(body)) return `${left(body.key)} vmap ${value(body.data, false)}`;
  if (key === 'counter') return 'counter';
  if (key === 'log') return 'log';
  if (['accept', 'drop', 'return', 'continue', 'jump', 'goto', 'reject'].includes(key)) return verdict(expr);
  return `${key} ${JSON.stringify(body)}`;
}

interface TableText { head: string; sets: string[]; chains: Map<string, { head?: string; rules: string[] }> }

export function nftJsonToText(json: string): string {
  const parsed = JSON.parse(json) as Json;
  const items = isObject(parsed) && Array.isArray(parsed.nftables) ? parsed.nftables : [];
  const tables = new Map<string, TableText>();
  const tableOf = (o: JsonObject) => {
    const key = `${o.family} ${o.table ?? o.name}`;
    let t = tables.get(key);
    if (!t) tables.set(key, (t = { head: `table ${key} {`, sets: [], chains: new Map() }));
    return t;
  };
  const chainOf = (t: TableText, name: string) => {
    let c = t.chains.get(name);
    if (!c) t.chains.set(name, (c = { rules: [] }));
    return c;
  };
  for (const item of items) {
    if (!isObject(item)) continue;
    const [kind, o] = only(item);
    if (!isObject(o)) continue;
    if (kind === 'table') tableOf(o);
    else if (kind === 'set' || kind === 'map') {
      const elem = Array.isArray(o.elem) ? o.elem : [];
      const body = elem.map((e) => (Array.isArray(e) && isObject(e[1]) ? `${value(e[0], false)} : ${verdict(e[1])}` : value(e, false))).join(', ');
      tableOf(o).sets.push(`\t${kind} ${o.name} {\n\t\telements = { ${body} }\n\t}`);
    } else if (kind === 'chain') {
      const c = chainOf(tableOf(o), String(o.name));
      if (o.hook) c.head = `type ${o.type} hook ${o.hook} priority ${o.prio}; policy ${o.policy ?? 'accept'};`;
    } else if (kind === 'rule') {
      const exprs = Array.isArray(o.expr) ? o.expr : [];
      const comment = typeof o.comment === 'string' ? ` comment "${o.comment}"` : '';
      const handle = o.handle === undefined ? '' : ` # handle ${o.handle}`;
      chainOf(tableOf({ family: o.family, table: o.table }), String(o.chain)).rules.push(`${exprs.map(statement).join(' ')}${comment}${handle}`);
    }
  }
  return [...tables.values()].map((t) => [
    t.head,
    ...t.sets,
    ...[...t.chains].map(([name, c]) => [`\tchain ${name} {`, ...(c.head ? [`\t\t${c.head}`] : []), ...c.rules.map((r) => `\t\t${r}`), '\t}'].join('\n')),
    '}',
  ].join('\n')).join('\n');
}
