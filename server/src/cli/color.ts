// ANSI colours for the stylish format; identity functions when colour is off.
export interface Palette {
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

export function palette(enabled: boolean): Palette {
  if (!enabled) return { red: plain, yellow: plain, blue: plain, dim: plain, bold: plain, underline: plain };
  return { red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), dim: wrap(2, 22), bold: wrap(1, 22), underline: wrap(4, 24) };
}

/** Colour only on a terminal, and never with --no-color or a non-empty NO_COLOR. */
export function useColor(flag: boolean, isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  return flag && isTTY && !env.NO_COLOR;
}

/** Visible width of a string that may hold colour codes. */
export const visibleLength = (text: string) => text.replace(/\u001b\[\d+m/g, '').length;

/**
 * Makes text safe for a terminal line: control characters (an escape sequence hidden in a
 * config, say) are shown as \xNN, line breaks as spaces.
 */
export const printable = (text: string) =>
  text.replace(/\r\n|\r|\n/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
