/** Text for terminals and the runner's log, where a line can be a workflow command. */

/**
 * C0 controls other than tab and line breaks, DEL, the C1 block (terminal escapes), and the
 * bidirectional and separator characters that make text read otherwise than it is.
 */
export const CONTROLS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text for one terminal line: controls (ANSI escapes included) removed and line breaks shown
 * as `\n`, so a value can never start a line of its own (where the runner would read
 * `::command::` as a workflow command) or move the cursor.
 */
export function escapeTerminal(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/\t/g, ' ')
    .replace(CONTROLS, '');
}

/**
 * The last guard for text sent to the runner's log: a line that begins with `::` (after
 * spaces) would be a workflow command; it gets a space between the colons.
 */
export function neutraliseCommands(text: string): string {
  return text.replace(/^(\s*):(?=:)/gm, '$1: ');
}
