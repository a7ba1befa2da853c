// Entry point of the keepalived-lint command (bundled to server/out/cli.js).
import { run } from './run.js';

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(new TextDecoder('utf-8', { ignoreBOM: true }).decode(Buffer.concat(chunks))));
    process.stdin.on('error', reject);
  });
}

/** Writes everything before the process exits, even when stdout is a pipe. */
const write = (stream: NodeJS.WriteStream) => (text: string) => {
  if (text) stream.write(text);
};

// A reader that stops early (`keepalived-lint | head`) closes the pipe: stop quietly with the
// status a C tool killed by SIGPIPE has (128 + 13), instead of a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(141);
  });
}

void run(process.argv.slice(2), {
  cwd: process.cwd(),
  programFile: __filename,
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  readStdin,
  stdout: write(process.stdout),
  stderr: write(process.stderr),
}).then((code) => {
  process.exitCode = code;
});
