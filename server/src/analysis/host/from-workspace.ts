// Reads keepalived-lint.yaml (text in, data out; no I/O): lint settings, hosts with their
// addresses, interfaces, configs, firewall and IPVS facts, and deployment parameters, each with
// its position in the YAML so diagnostics can point into it. A broken file gives problems with
// positions and whatever could be read; it never throws.
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { LineIndex } from '../../../../grammar/index.js';
import { DIALECTS, type Dialect } from '../../../../grammar/keywords/index.js';
import { patternIssue, quotePattern } from '../glob/path-pattern.js';
import { parseIpPrefix } from '../net/ip.js';
import type { LintSettings } from '../settings.js';
import type { SeveritySetting } from '../types.js';
import type { HostAddressFact, HostFact, HostFacts, ParameterFact } from './context.js';
import { deleteCommand, indexFirewall, parseIptablesSave } from './iptables.js';
import { parseIpvsadm } from './ipvsadm.js';
import { inboundOf, type LocatedFilter } from './packet-filter/inbound.js';
import { parseIptablesModel } from './packet-filter/iptables-model.js';
import { nftJsonToText } from './packet-filter/nft-json.js';
import { parseNftRuleset } from './packet-filter/nft-parser.js';

export interface WorkspaceProblem {
  message: string;
  start: number;
  end: number;
  severity: 'error' | 'warning';
}

export interface WorkspaceFile {
  path: string;
  dialect?: Dialect;
  keepalivedVersion?: string;
  rules: Record<string, SeveritySetting>;
  includeOutsideRoot?: boolean;
  /** Where `include_outside_root` is set (its key), if it is. */
  includeOutsideRootAt?: { start: number; end: number };
  maxProblems?: number;
  facts: HostFacts;
  /** The `configs:` globs of each host, relative to the workspace file's directory. */
  hostConfigs: Array<{ host: HostFact; globs: string[] }>;
  problems: WorkspaceProblem[];
}

const TOP_KEYS = new Set(['version', 'dialect', 'keepalived_version', 'rules', 'max_problems', 'hosts', 'parameters', 'include_outside_root']);
const HOST_KEYS = new Set(['labels', 'interfaces', 'addresses', 'configs', 'firewall', 'nftables', 'ipvs', 'keepalived_version']);
const VERSION = /^\d+\.\d+(\.\d+)?$/;
const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

class Reader {
  readonly problems: WorkspaceProblem[] = [];
  private lineIndex?: LineIndex;
  constructor(readonly path: string, readonly text: string) {}

  /** The file's line starts, built once: every host's firewall block locates its rules by it. */
  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  /** A node's offsets, kept inside the text (problems must point into the file). */
  range(node: Node | null | undefined): { start: number; end: number } {
    const [start, end] = node?.range ?? [0, 0];
    const clamp = (n: number) => Math.max(0, Math.min(n, this.text.length));
    return { start: clamp(start), end: clamp(end) };
  }

  location(node: Node | null | undefined) {
    return { path: this.path, ...this.range(node) };
  }

  problem(node: Node | null | undefined, message: string, severity: 'error' | 'warning' = 'error'): void {
    this.problems.push({ message, severity, ...this.range(node) });
  }

  string(node: Node | null | undefined, what: string): string | undefined {
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
    this.problem(node, `${what} must be a text value`);
    return undefined;
  }

  /** A list of scalars (a single scalar is taken as a one-element list). */
  strings(node: Node | null | undefined, what: string): Array<{ value: string; node: Node }> {
    const items = isSeq(node) ? node.items : [node];
    return items.flatMap((item) => {
      const value = this.string(item as Node, what);
      return value === undefined ? [] : [{ value, node: item as Node }];
    });
  }

  pairs(node: Node | null | undefined, what: string): Pair<Node, Node>[] {
    if (isMap(node)) return (node as YAMLMap<Node, Node>).items;
    if (node) this.problem(node, `${what} must be a mapping`);
    return [];
  }
}

/** Offsets in the YAML text of each line of a block scalar (`firewall: |`). */
function blockLineOffsets(reader: Reader, node: Node): number[] {
  const start = reader.text.indexOf('\n', reader.range(node).start) + 1;
  const end = reader.range(node).end;
  const offsets: number[] = [];
  for (let at = start; at < end && at > 0; at = reader.text.indexOf('\n', at) + 1 || end) {
    const line = reader.text.slice(at, reader.text.indexOf('\n', at) < 0 ? end : reader.text.indexOf('\n', at));
    offsets.push(at + (line.length - line.trimStart().length));
  }
  return offsets;
}

function readAddresses(reader: Reader, node: Node, iface?: string): HostAddressFact[] {
  return reader.strings(node, 'an address').flatMap(({ value, node: item }) => {
    const parsed = parseIpPrefix(value);
    if (!parsed) {
      reader.problem(item, `'${value}' is not an IP address with an optional /prefix`);
      return [];
    }
    return [{ address: parsed.address, prefix: parsed.prefix, interface: iface, location: reader.location(item) }];
  });
}

/** Where an offset of a block scalar's text is in the workspace file (the block's start for text we derived). */
function blockLocator(reader: Reader, node: Node, text: string, derived = false): LocatedFilter['locate'] {
  const lines = blockLineOffsets(reader, node);
  const valueLines = new LineIndex(text);
  return (offset, length) => {
    const position = valueLines.positionAt(offset);
    // Columns count from the line's first non-blank character on both sides (YAML strips the block's indentation).
    const lineStart = valueLines.offsetAt({ line: position.line, character: 0 });
    const indent = /^\s*/.exec(text.slice(lineStart, offset))![0].length;
    const start = derived || lines[position.line] === undefined ? reader.range(node).start : lines[position.line] + position.character - indent;
    return { location: { path: reader.path, start, end: derived ? start : start + length }, line: reader.lines.positionAt(start).line + 1 };
  };
}

function readNftables(reader: Reader, node: Node, filters: LocatedFilter[]): void {
  const text = reader.string(node, 'nftables (nft list ruleset output)');
  if (text === undefined) return;
  if (!text.trimStart().startsWith('{')) {
    filters.push({ filter: parseNftRuleset(text), locate: blockLocator(reader, node, text) });
    return;
  }
  try {
    const derived = nftJsonToText(text);
    filters.push({ filter: parseNftRuleset(derived), locate: blockLocator(reader, node, derived, true) });
  } catch {
    reader.problem(node, 'nftables looks like nft -j output but is not valid JSON');
  }
}

function readFirewall(reader: Reader, node: Node, host: HostFact, filters: LocatedFilter[]): void {
  const text = reader.string(node, 'firewall (iptables-save output)');
  if (text === undefined) return;
  filters.push({ filter: parseIptablesModel(text), locate: blockLocator(reader, node, text) });
  const lines = blockLineOffsets(reader, node);
  const valueLines = new LineIndex(text);
  const firewall = indexFirewall(parseIptablesSave(text));
  host.blockingRule = (address, port, protocol) => {
    const rule = firewall.blockingRule(address, port, protocol);
    if (!rule) return undefined;
    const at = lines[valueLines.positionAt(rule.offset).line] ?? reader.range(node).start;
    return { table: rule.table, chain: rule.chain, text: rule.text, target: rule.target, deleteCommand: deleteCommand(rule), location: { path: reader.path, start: at, end: at + rule.text.length } };
  };
}

function readIpvs(reader: Reader, node: Node, host: HostFact): void {
  const text = reader.string(node, 'ipvs (ipvsadm -Ln --stats output)');
  if (text === undefined) return;
  const lines = blockLineOffsets(reader, node);
  const valueLines = new LineIndex(text);
  const at = (offset: number) => lines[valueLines.positionAt(offset).line] ?? reader.range(node).start;
  host.ipvs = parseIpvsadm(text).map((s) => ({
    protocol: s.protocol, address: s.address, port: s.port, fwmark: s.fwmark, stats: s.stats,
    realServers: s.realServers.map((r) => ({ address: r.address, port: r.port, stats: r.stats })),
    location: { path: reader.path, start: at(s.offset), end: at(s.offset) + 1 },
  }));
}

/** A keepalived version such as 2.2.7. */
function readVersion(reader: Reader, node: Node | null | undefined): string | undefined {
  const version = reader.string(node, 'keepalived_version');
  if (version && VERSION.test(version)) return version;
  if (version) reader.problem(node, 'keepalived_version must look like 2.2.7');
  return undefined;
}

/** The `configs:` globs; one with an issue is reported where it is wrong, and left out. */
function readGlobs(reader: Reader, node: Node | null | undefined): string[] {
  return reader.strings(node, 'a config path or glob').flatMap(({ value, node: item }) => {
    const issue = patternIssue(value);
    if (!issue) return [value];
    const { start, end } = reader.range(item);
    // Point at the fault when the glob is written out plainly (or quoted without escapes).
    const at = reader.text.slice(start, end).indexOf(value);
    const span = at < 0 ? { start, end } : { start: start + at + issue.offset, end: start + at + issue.offset + Math.min(issue.length, 80) };
    reader.problems.push({ message: `config glob ${quotePattern(value)} is invalid: ${issue.message}`, severity: 'error', ...span });
    return [];
  });
}

function readHost(reader: Reader, pair: Pair<Node, Node>): { host: HostFact; globs: string[] } | undefined {
  const name = reader.string(pair.key, 'a host name');
  if (name === undefined) return undefined;
  const host: HostFact = { name, labels: [], addresses: [], interfaces: [], location: reader.location(pair.key) };
  const globs: string[] = [];
  const filters: LocatedFilter[] = [];
  for (const field of reader.pairs(pair.value, `host ${name}`)) {
    const key = isScalar(field.key) ? String(field.key.value) : '';
    if (key === 'labels') host.labels = reader.strings(field.value, 'a label').map((l) => l.value);
    else if (key === 'addresses') for (const address of readAddresses(reader, field.value!)) host.addresses.push(address);
    else if (key === 'interfaces') {
      for (const iface of reader.pairs(field.value, 'interfaces')) {
        const ifname = reader.string(iface.key, 'an interface name');
        if (ifname === undefined) continue;
        host.interfaces.push(ifname);
        for (const address of readAddresses(reader, iface.value!, ifname)) host.addresses.push(address);
      }
    } else if (key === 'configs') for (const glob of readGlobs(reader, field.value)) globs.push(glob);
    else if (key === 'firewall') readFirewall(reader, field.value!, host, filters);
    else if (key === 'nftables') readNftables(reader, field.value!, filters);
    else if (key === 'ipvs') readIpvs(reader, field.value!, host);
    else if (key === 'keepalived_version') {
      const version = readVersion(reader, field.value);
      if (version) host.keepalivedVersion = { version, location: reader.location(field.value) };
    }
    else reader.problem(field.key, `unknown key '${key}' in host ${name} (expected ${[...HOST_KEYS].join(', ')})`, 'warning');
  }
  if (filters.length > 0) host.inbound = inboundOf(filters);
  return { host, globs };
}

function readParameter(reader: Reader, pair: Pair<Node, Node>): ParameterFact | undefined {
  const name = reader.string(pair.key, 'a parameter name');
  if (name === undefined) return undefined;
  if (isScalar(pair.value)) {
    return { name, value: String(pair.value.value), location: reader.location(pair.key), valueLocation: reader.location(pair.value) };
  }
  let value: Node | undefined;
  let label: string | undefined;
  for (const field of reader.pairs(pair.value, `parameter ${name}`)) {
    const key = isScalar(field.key) ? String(field.key.value) : '';
    if (key === 'value') value = field.value ?? undefined;
    else if (key === 'node_label') label = reader.string(field.value, 'node_label');
    else reader.problem(field.key, `unknown key '${key}' in parameter ${name} (expected value, node_label)`, 'warning');
  }
  if (!value || !isScalar(value)) {
    reader.problem(pair.key, `parameter ${name} has no value`);
    return undefined;
  }
  return { name, value: String(value.value), nodeLabel: label, location: reader.location(pair.key), valueLocation: reader.location(value) };
}

export function readWorkspaceFile(path: string, text: string): WorkspaceFile {
  const reader = new Reader(path, text);
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  const clamp = (n: number) => Math.max(0, Math.min(n, text.length));
  for (const error of document.errors) reader.problems.push({ message: `YAML: ${error.message.split('\n')[0]}`, start: clamp(error.pos[0]), end: clamp(error.pos[1]), severity: 'error' });
  const workspace: WorkspaceFile = { path, rules: {}, facts: { workspacePath: path, hosts: [], parameters: [] }, hostConfigs: [], problems: reader.problems };
  for (const pair of reader.pairs(document.contents as Node, 'keepalived-lint.yaml')) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    if (key === 'version') {
      if (!isScalar(value) || value.value !== 1) reader.problem(value ?? pair.key, 'version must be 1');
    } else if (key === 'dialect') {
      const dialect = reader.string(value, 'dialect');
      if (dialect && DIALECTS.includes(dialect as Dialect)) workspace.dialect = dialect as Dialect;
      else if (dialect) reader.problem(value, `dialect must be one of ${DIALECTS.join(', ')}`);
    } else if (key === 'keepalived_version') {
      workspace.keepalivedVersion = readVersion(reader, value);
    } else if (key === 'rules') {
      for (const rule of reader.pairs(value, 'rules')) {
        const id = reader.string(rule.key, 'a rule id');
        const severity = reader.string(rule.value, 'a severity');
        if (id && severity && SEVERITIES.has(severity)) workspace.rules[id] = severity as SeveritySetting;
        else if (severity) reader.problem(rule.value, `severity must be one of ${[...SEVERITIES].join(', ')}`);
      }
    } else if (key === 'hosts') {
      for (const entry of reader.pairs(value, 'hosts')) {
        const read = readHost(reader, entry);
        if (read) workspace.hostConfigs.push(read);
      }
      workspace.facts.hosts = workspace.hostConfigs.map((h) => h.host);
    } else if (key === 'parameters') {
      workspace.facts.parameters = reader.pairs(value, 'parameters').flatMap((p) => readParameter(reader, p) ?? []);
    } else if (key === 'max_problems') {
      if (isScalar(value) && Number.isSafeInteger(value.value) && (value.value as number) >= 0) workspace.maxProblems = value.value as number;
      else reader.problem(value ?? pair.key, 'max_problems must be a whole number >= 0 (0: no limit)');
    } else if (key === 'include_outside_root') {
      workspace.includeOutsideRoot = isScalar(value) && value.value === true;
      workspace.includeOutsideRootAt = reader.range(pair.key);
    } else {
      reader.problem(pair.key, `unknown key '${key}' (expected ${[...TOP_KEYS].join(', ')})`, 'warning');
    }
  }
  return workspace;
}

/** The lint settings a workspace file sets: dialect, target version, rule severities and the problem cap. */
export function settingsFromWorkspace(workspace: WorkspaceFile): Partial<LintSettings> {
  const settings: Partial<LintSettings> = { rules: workspace.rules };
  if (workspace.dialect) settings.dialect = workspace.dialect;
  if (workspace.keepalivedVersion) settings.keepalivedVersion = workspace.keepalivedVersion;
  if (workspace.maxProblems !== undefined) settings.maxProblems = workspace.maxProblems;
  return settings;
}
