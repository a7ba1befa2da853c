// `include GLOB` and its variants. The grammar layer does no I/O: the caller injects an
// IncludeHost (the CLI and the language server give one backed by the file system,
// tests give an in-memory one), and this module applies keepalived's rules on top.
import type { Span } from './source.js';

/**
 * `includer`, `includem`, `includew`, `includeb`, `includea` (2.2.0+) make unreadable files,
 * missing files, unmatched wildcards, unmatched brace alternatives, or all of these, errors.
 */
export const INCLUDE_KEYWORDS = new Set(['include', 'includer', 'includem', 'includew', 'includeb', 'includea']);

export type IncludeProblemKind =
  | 'not-found' | 'unreadable' | 'cycle' | 'too-deep' | 'too-many-files' | 'outside-root' | 'not-a-file' | 'too-large' | 'no-file-access';

export interface IncludeProblem {
  kind: IncludeProblemKind;
  message: string;
  path?: string;
}

/** `problems` of a partial answer: parts of the pattern that were not searched. */
export type GlobAnswer = { paths: string[]; problems?: IncludeProblem[] } | { problem: IncludeProblem };
export type ReadAnswer = { text: string } | { problem: IncludeProblem };

export interface IncludeHost {
  /**
   * Expands the pattern against the directory of `fromPath`; paths come back sorted. With a
   * `root`, directories outside it (symbolic links resolved) are never listed.
   */
  glob(pattern: string, fromPath: string, root?: string): GlobAnswer;
  read(path: string): ReadAnswer;
}

export interface IncludeDirective {
  keyword: string;
  keywordSpan: Span;
  pattern: string;
  patternSpan: Span;
  /** Ids of the files read for this directive. */
  files: number[];
  /** Paths the pattern matched (read or not). */
  matched: string[];
  problems: IncludeProblem[];
  /** Whether keepalived itself treats a missing or unreadable file as an error (`includer` ...). */
  strict: boolean;
}

export interface IncludeRequest {
  keyword: string;
  keywordSpan: Span;
  pattern: string;
  patternSpan: Span;
  fromPath: string;
  /** Paths of the files being read, outermost first. */
  stack: readonly string[];
  fileCount: number;
  host?: IncludeHost;
  maxDepth: number;
  maxFiles: number;
}

export interface ResolvedInclude {
  directive: IncludeDirective;
  loaded: Array<{ path: string; text: string }>;
}

export function resolveInclude(request: IncludeRequest): ResolvedInclude {
  const directive: IncludeDirective = {
    keyword: request.keyword,
    keywordSpan: request.keywordSpan,
    pattern: request.pattern,
    patternSpan: request.patternSpan,
    files: [],
    matched: [],
    problems: [],
    strict: request.keyword !== 'include',
  };
  const loaded: ResolvedInclude['loaded'] = [];
  const fail = (problem: IncludeProblem) => {
    directive.problems.push(problem);
    return { directive, loaded };
  };
  if (!request.host) return fail({ kind: 'no-file-access', message: 'included files are not read here' });
  if (request.stack.length > request.maxDepth) {
    return fail({ kind: 'too-deep', message: `includes are nested more than ${request.maxDepth} levels deep` });
  }
  const globbed = request.host.glob(request.pattern, request.fromPath);
  if ('problem' in globbed) return fail(globbed.problem);
  directive.matched = globbed.paths;
  directive.problems.push(...(globbed.problems ?? []));
  if (globbed.paths.length === 0) {
    return fail({ kind: 'not-found', message: `no file matches '${request.pattern}'` });
  }
  let count = request.fileCount;
  for (const path of globbed.paths) {
    if (request.stack.includes(path)) {
      directive.problems.push({ kind: 'cycle', path, message: `'${path}' includes itself through ${[...request.stack.slice(request.stack.indexOf(path)), path].join(' -> ')}` });
      continue;
    }
    if (count >= request.maxFiles) {
      directive.problems.push({ kind: 'too-many-files', path, message: `more than ${request.maxFiles} files are included; '${path}' and later files are not read` });
      break;
    }
    const read = request.host.read(path);
    if ('problem' in read) {
      directive.problems.push({ ...read.problem, path });
      continue;
    }
    count++;
    loaded.push({ path, text: read.text });
  }
  return { directive, loaded };
}
