// Types of the generated keyword data (grammar/keywords/keywords.generated.json).

export type ArgType =
  | 'int' | 'uint' | 'timer' | 'decimal' | 'bool' | 'ip' | 'ip4' | 'ip6' | 'ip_prefix' | 'host' | 'port'
  | 'ifname' | 'string' | 'name' | 'ref' | 'path' | 'command' | 'user' | 'group' | 'enum' | 'hex' | 'mac'
  | 'email' | 'grammar';

export interface ValueSpec {
  type: ArgType;
  min?: number | null;
  max?: number | null;
  decimals?: number;
  unit?: string;
  values?: string[];
  ref?: string;
  grammar?: string;
}

export interface ArgSpec extends ValueSpec {
  name: string;
  optional: boolean;
  repeat: boolean;
}

export interface OptionSpec {
  word: string;
  value: ValueSpec | null;
}

export interface ItemSpec {
  grammar?: string;
  args?: ArgSpec[];
  options?: OptionSpec[];
}

export interface Deprecation {
  replacement?: string;
  since?: string;
  warns?: 'config_error' | 'log_only' | 'none';
}

export type KeywordKind = 'option' | 'block' | 'value_block';

export interface KeywordDef {
  name: string;
  path: string;
  kind: KeywordKind;
  dialect: 'stock' | 'dpvs';
  syntax: string;
  args?: ArgSpec[];
  options?: OptionSpec[] | null;
  takes_no_arguments?: boolean;
  item?: ItemSpec;
  defines?: string;
  command_quoting?: boolean;
  alias_of?: string;
  deprecated?: Deprecation;
  requires_build?: string[];
  process?: string;
  note?: string;
  since?: string;
  in_2_2_7?: boolean;
  in_dpvs?: boolean;
}

export interface ItemGrammar {
  syntax: string;
  words?: string[];
  args?: ArgSpec[];
  options?: OptionSpec[];
  note?: string;
  dialect?: string;
  route_types?: string[];
  deprecated_words?: Record<string, string>;
}

export interface KeywordData {
  schema_version: number;
  generated_from: Record<string, string>;
  history_tags: string[];
  summary: { stock_keyword_paths: number; dpvs_added_paths: number; contexts: number };
  arg_types: Record<string, string>;
  item_grammars: Record<string, ItemGrammar>;
  dialects: Record<string, { description: string }>;
  keywords: KeywordDef[];
}
