// Typed, indexed access to the keyword data for one dialect and target keepalived version.
import rawData from './keywords.generated.json';
import dialectValues from './dialect-values.json';
import forkAdditions from './fork-additions.json';
import versionOverrides from './version-overrides.json';
import type { ItemGrammar, KeywordData, KeywordDef, ValueSpec } from './types.js';

export type Dialect = 'keepalived' | 'dpvs';
export const DIALECTS: readonly Dialect[] = ['keepalived', 'dpvs'];
export const DEFAULT_KEEPALIVED_VERSION = '2.2.7';
export const ROOT_CONTEXT = 'root';
/** The DPVS fork is based on keepalived 2.0.19. */
const DPVS_BASE_VERSION = [2, 0, 19];

/** Why a keyword that exists somewhere is not available to this dialect and version. */
export type Availability = 'available' | 'other-dialect' | 'not-in-fork' | 'newer-version' | 'not-built';

export interface KeywordLookup {
  def: KeywordDef;
  availability: Availability;
}

export const keywordData = rawData as unknown as KeywordData;

/** "v2.0.19", "<=v1.2.24", "unreleased (after v2.4.3)" -> comparable numbers. */
export function parseVersion(text: string | undefined): number[] {
  if (!text) return [0];
  if (text.startsWith('unreleased')) return [99];
  const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : [0];
}

export function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function contextOf(def: KeywordDef): string {
  const slash = def.path.lastIndexOf('/');
  return slash < 0 ? ROOT_CONTEXT : def.path.slice(0, slash);
}

interface ValueChange {
  add?: string[];
  remove?: string[];
  caseInsensitive?: boolean;
}

export class KeywordSchema {
  private static readonly cache = new Map<string, KeywordSchema>();
  private readonly byContext = new Map<string, Map<string, KeywordDef[]>>();
  private readonly byName = new Map<string, KeywordDef[]>();
  private readonly valueChanges: Record<string, ValueChange>;
  /** Lookups are asked once per line of a config: cache them (the schema is immutable). */
  private readonly found = new Map<string, KeywordLookup | undefined>();
  /** Memos: rules ask these once per line, and big files have ~100k lines. */
  private readonly availabilities = new Map<KeywordDef, Availability>();
  private readonly available = new Map<string, KeywordDef[]>();
  private readonly target: number[];

  static for(dialect: Dialect = 'keepalived', version = DEFAULT_KEEPALIVED_VERSION): KeywordSchema {
    const key = `${dialect}@${version}`;
    let schema = KeywordSchema.cache.get(key);
    if (!schema) KeywordSchema.cache.set(key, (schema = new KeywordSchema(dialect, version)));
    return schema;
  }

  private constructor(readonly dialect: Dialect, readonly version: string) {
    this.target = parseVersion(version);
    this.valueChanges = dialect === 'dpvs' ? (dialectValues.dpvs as Record<string, ValueChange>) : {};
    for (const original of [...keywordData.keywords, ...(forkAdditions.keywords as KeywordDef[])]) {
      const def = this.forVersion(original);
      const context = contextOf(def);
      let names = this.byContext.get(context);
      if (!names) this.byContext.set(context, (names = new Map()));
      names.set(def.name, [...(names.get(def.name) ?? []), def]);
      this.byName.set(def.name, [...(this.byName.get(def.name) ?? []), def]);
    }
  }

  /** The keyword as the target version reads it (older versions parse a few values differently). */
  private forVersion(def: KeywordDef): KeywordDef {
    const override = (versionOverrides as Record<string, Partial<KeywordDef> & { until?: string }>)[def.path];
    const version = this.dialect === 'dpvs' ? DPVS_BASE_VERSION : this.target;
    if (!override?.until || compareVersions(version, parseVersion(override.until)) >= 0) return def;
    return { ...def, syntax: override.syntax ?? def.syntax, args: override.args ?? def.args };
  }

  /** Whether a release named like "v2.1.0" or "after v1.2.19" came after the target version. */
  isNewerThanTarget(release: string | undefined): boolean {
    if (!release || !/\d+\.\d+/.test(release)) return false;
    const target = this.dialect === 'dpvs' ? DPVS_BASE_VERSION : this.target;
    const version = parseVersion(release);
    return release.startsWith('after') ? compareVersions(version, target) >= 0 : compareVersions(version, target) > 0;
  }

  availability(def: KeywordDef): Availability {
    let known = this.availabilities.get(def);
    if (!known) this.availabilities.set(def, (known = this.computeAvailability(def)));
    return known;
  }

  private computeAvailability(def: KeywordDef): Availability {
    if (this.dialect === 'dpvs') {
      if (def.dialect === 'dpvs') return 'available';
      return def.in_dpvs ? 'available' : 'not-in-fork';
    }
    if (def.dialect === 'dpvs') return 'other-dialect';
    const newer = compareVersions(parseVersion(def.since), this.target) > 0;
    if (newer) return 'newer-version';
    if (this.version === DEFAULT_KEEPALIVED_VERSION && def.in_2_2_7 === false) return 'not-built';
    return 'available';
  }

  /** Any keyword `name` directly inside `context`, preferring one that is available. */
  find(context: string, name: string): KeywordLookup | undefined {
    const key = `${context}\u0000${name}`;
    if (this.found.has(key)) return this.found.get(key);
    const defs = this.byContext.get(context)?.get(name);
    const lookups = (defs ?? []).map((def) => ({ def, availability: this.availability(def) }));
    const result = lookups.find((l) => l.availability === 'available') ?? lookups[0];
    this.found.set(key, result);
    return result;
  }

  /** The keyword `name` in `context` when this dialect and version have it. */
  lookup(context: string, name: string): KeywordDef | undefined {
    const found = this.find(context, name);
    return found?.availability === 'available' ? found.def : undefined;
  }

  /** Available keywords of a context. */
  keywords(context: string): KeywordDef[] {
    let list = this.available.get(context);
    if (!list) {
      const names = this.byContext.get(context);
      list = Object.freeze(names ? [...names.values()].flat().filter((d) => this.availability(d) === 'available') : []) as KeywordDef[];
      this.available.set(context, list);
    }
    return list;
  }

  /** Every definition of a keyword name in any context, available or not. */
  definitionsNamed(name: string): KeywordDef[] {
    return this.byName.get(name) ?? [];
  }

  grammar(name: string): ItemGrammar | undefined {
    return keywordData.item_grammars[name];
  }

  /** Enum values of a value spec of `def`, with the dialect's changes applied. */
  enumValues(def: KeywordDef, spec: ValueSpec): { values: string[]; caseInsensitive: boolean } {
    const change = this.valueChanges[def.path];
    let values = spec.values ?? [];
    if (change && def.args?.[0] === spec) {
      values = [...values.filter((v) => !change.remove?.includes(v)), ...(change.add ?? [])];
    }
    return { values, caseInsensitive: change?.caseInsensitive ?? false };
  }

  /** Keyword that `def` was renamed to, resolved in its own context. */
  replacementOf(def: KeywordDef): KeywordDef | undefined {
    const replacement = def.deprecated?.replacement ?? def.alias_of;
    if (!replacement || replacement.includes(' ')) return undefined;
    return this.lookup(contextOf(def), replacement);
  }
}
