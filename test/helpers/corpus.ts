// Access to the shared corpus of real keepalived.conf files (../shared/corpus). Tests that
// use it say so and skip their assertions with a printed note when it is absent.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CORPUS_DIR = resolve(process.env.KEEPALIVED_LINT_CORPUS ?? join(__dirname, '..', '..', '..', 'shared', 'corpus'));

export interface OracleRun {
  exit: number;
  messages: string[];
}

export interface CorpusEntry {
  file: string;
  dialect: 'stock' | 'dpvs' | string;
  license: string | null;
  repo: string;
  path: string;
  oracle: OracleRun;
  oracle_sandboxed: OracleRun;
}

export function corpusAvailable(): boolean {
  return existsSync(join(CORPUS_DIR, 'manifest.json'));
}

export function loadCorpus(): Array<CorpusEntry & { text: string }> {
  const manifest = JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')) as CorpusEntry[];
  return manifest.map((entry) => ({ ...entry, text: readFileSync(join(CORPUS_DIR, entry.file), 'utf8') }));
}

/** Files with `@id` lines are families; the oracle ran them with one config id we cannot know. */
export function isConditional(text: string): boolean {
  return /^[ \t]*@/m.test(text);
}
