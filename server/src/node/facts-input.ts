// The inputs of `facts import`: only regular files (never a FIFO, which would block, or a
// device such as /dev/zero, which never ends), each and all together bounded, valid UTF-8; in
// an Ansible fact directory a symbolic link must stay inside the directory.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { readFileSnapshot } from './file-host.js';

/** Ansible facts of a host with hundreds of interfaces are a few MB. */
export const MAX_FACT_FILE_BYTES = 16 * 1024 * 1024;
export const MAX_FACT_DIRECTORY_BYTES = 256 * 1024 * 1024;
export const MAX_FACT_FILES = 10_000;

/** A fact file's text; throws with a message naming `path`. */
export function readFactFile(path: string): { text: string; size: number } {
  const answer = readFileSnapshot(path, MAX_FACT_FILE_BYTES);
  if ('problem' in answer) throw new Error(answer.problem.message);
  if (!answer.snapshot.validUtf8) throw new Error(`'${path}' is not valid UTF-8`);
  return { text: answer.snapshot.text, size: answer.snapshot.size };
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The files of an Ansible fact cache (`ansible -m setup --tree DIR`), hidden files left out. */
export function readFactDirectory(dir: string): Array<{ name: string; text: string }> {
  const root = realpathSync(dir);
  if (!statSync(root).isDirectory()) throw new Error(`'${dir}' is not a directory`);
  const names = readdirSync(root).filter((name) => !name.startsWith('.')).sort();
  if (names.length > MAX_FACT_FILES) throw new Error(`'${dir}' holds more than ${MAX_FACT_FILES} files`);
  let total = 0;
  return names.map((name) => {
    const path = join(dir, name);
    let target: string;
    try {
      target = realpathSync(path);
    } catch (error) {
      throw new Error(`cannot read '${path}' (${(error as NodeJS.ErrnoException).code ?? errorText(error)})`);
    }
    const inside = relative(root, target);
    if (inside.startsWith('..') || isAbsolute(inside)) throw new Error(`'${path}' is a symbolic link out of the fact directory (to ${target})`);
    const { text, size } = readFactFile(path);
    total += size;
    if (total > MAX_FACT_DIRECTORY_BYTES) throw new Error(`the files in '${dir}' are larger than ${MAX_FACT_DIRECTORY_BYTES} bytes together`);
    return { name, text };
  });
}
