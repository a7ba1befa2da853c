// What a kind of keepalived post-parse message is, for test/oracle/post-parse.test.ts: the
// message's pattern, the object it concerns, the subject our diagnostic must name, and which of
// our rules report it. The per-area tables (check.ts, vrrp.ts) fill these in.

/** A virtual_server as keepalived's format_vs() prints it (keepalived/check/check_data.c). */
export type VirtualServerRef =
  | { by: 'address'; address: string; port: string }
  | { by: 'fwmark'; fwmark: string }
  | { by: 'group'; group: string };

/** The block a message concerns; the test finds it in the config tree. */
export type ObjectRef =
  | { block: 'vrrp_instance'; name: string }
  | { block: 'vrrp_sync_group'; name: string }
  | { block: 'virtual_server'; vs: VirtualServerRef }
  | { block: 'real_server'; vs: VirtualServerRef; address: string; port: string }
  | { block: 'sorry_server'; vs: VirtualServerRef };

export interface Subject {
  object: ObjectRef;
  /** Our diagnostic's message must match this (the keyword, the port, the script...). */
  names: RegExp;
}

export interface PostParseKind {
  /** Short name printed in the per-kind table. */
  id: string;
  pattern: RegExp;
  /** Rule ids of ours that report this kind; empty while no rule does. */
  rules: string[];
  subject(match: RegExpExecArray): Subject;
}

/** A message keepalived prints after parsing that the text alone cannot be held to. */
export interface UnresolvableKind {
  id: string;
  pattern: RegExp;
  why: string;
}

/** Parses format_vs(): `[1.2.3.4]:tcp:80`, `FWM 5`, `[groupname]:0`. */
export function parseVirtualServer(text: string): VirtualServerRef | undefined {
  const fwmark = /^FWM (\d+)$/.exec(text);
  if (fwmark) return { by: 'fwmark', fwmark: fwmark[1] };
  const trio = /^\[([^\]]+)\]:(\w+):(\d+)$/.exec(text);
  if (trio) return { by: 'address', address: trio[1], port: trio[3] };
  const group = /^\[([^\]]+)\]:(\d+)$/.exec(text);
  if (group) return { by: 'group', group: group[1] };
  return undefined;
}

/** Parses format_rs(): `[10.0.0.2]:tcp:8080` (the port is the written one, or 0). */
export function parseRealServer(text: string): { address: string; port: string } | undefined {
  const trio = /^\[([^\]]+)\]:\w+:(\d+)$/.exec(text);
  return trio ? { address: trio[1], port: trio[2] } : undefined;
}

/** The instance name keepalived prints in parentheses at the start of VRRP messages. */
export function instance(name: string): ObjectRef {
  return { block: 'vrrp_instance', name };
}
