// keepalived-language-server: --stdio (Neovim, Emacs, Vim, Helix), --node-ipc (VS Code),
// --socket=PORT. Nothing but protocol goes to stdout.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import packageJson from '../../../package.json';
import { resyncingInput } from './framing.js';
import { startServer } from './server.js';

const HELP = `keepalived-language-server ${packageJson.version}
Language server for keepalived.conf (diagnostics, quick fixes, completion, hover, navigation, formatting).

Usage: keepalived-language-server --stdio | --node-ipc | --socket=PORT
       keepalived-language-server --version | --help
`;

const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write(`${packageJson.version}\n`);
} else if (args.includes('--help') || !args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket'))) {
  process.stdout.write(HELP);
  process.exitCode = args.includes('--help') ? 0 : 2;
} else {
  // stdout is the protocol: anything printed with console.log must go to stderr instead.
  console.log = console.info = console.warn = (...parts: unknown[]) => process.stderr.write(`${parts.map(String).join(' ')}\n`);
  // Over stdio, a malformed frame must not desynchronise the stream for good (see framing.ts).
  startServer(args.includes('--stdio') ? createConnection(ProposedFeatures.all, resyncingInput(process.stdin), process.stdout) : createConnection(ProposedFeatures.all));
}
