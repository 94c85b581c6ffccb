/** Terminal colours only when writing to a TTY (and NO_COLOR is unset). */
import { styleText } from 'node:util';
import type { Writable } from 'node:stream';

type Style = Parameters<typeof styleText>[0];

export function styler(out: Writable): (style: Style, text: string) => string {
  const tty = (out as Writable & { isTTY?: boolean }).isTTY === true && !process.env['NO_COLOR'];
  return tty ? (style, text) => styleText(style, text) : (_style, text) => text;
}
