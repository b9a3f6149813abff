/**
 * Untrusted text (property values, tags, parameter values, status reasons) inside markdown,
 * HTML, mermaid or a terminal: it must not break a table, open or close HTML, end a code span
 * or block, ping anyone, or pass for a workflow command.
 */

import { CONTROLS } from '../shared/text.js';

export { escapeTerminal, neutraliseCommands } from '../shared/text.js';

const INLINE: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '|': '&#124;',
  '`': '&#96;',
  '\\': '&#92;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '~': '&#126;',
  // A zero-width joiner after @ keeps "@team" readable without notifying it (GitHub looks for
  // mentions in the rendered text, so an entity such as &#64; would still ping).
  '@': '@\u200d',
};

const INLINE_CHARS = /[&<>"|`\\*_[\]~@]|\r\n|\r|\n/g;

function inline(text: string, newline: string): string {
  return text
    .replace(CONTROLS, '')
    .replace(INLINE_CHARS, (c) =>
      c.length > 1 || c === '\n' || c === '\r' ? newline : INLINE[c]!,
    );
}

/**
 * Text for a markdown line, a heading, a list item or an HTML element: every character that
 * markdown or HTML gives a meaning becomes an entity, line breaks become spaces.
 */
export function escapeInline(text: string): string {
  return inline(text, ' ');
}

/** Text for a markdown table cell: as escapeInline, with line breaks kept as `<br>`. */
export function escapeCell(text: string): string {
  return inline(text, '<br>');
}

/** Kept for existing callers: the same as escapeInline. */
export const escapeMarkdown = escapeInline;

/**
 * At most `max` characters (UTF-16 units), cut with an ellipsis that says how much is left
 * out. Cut before escaping so that no entity is split; never splits a surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * A fenced code block around `content` whose fence is longer than any run of backticks in it,
 * so nothing inside can close it. `info` is ours (e.g. `diff`, `mermaid`), never untrusted.
 */
export function codeBlock(content: string, info = ''): string {
  let longest = 0;
  for (const run of content.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${content.replace(CONTROLS, '')}\n${fence}`;
}

const MERMAID: Readonly<Record<string, string>> = {
  '"': '#quot;',
  '#': '#35;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '`': '#96;',
  '%': '#37;',
};

/** Text inside a quoted mermaid label: quotes, markup and line breaks cannot escape it. */
export function escapeMermaidLabel(text: string): string {
  return text
    .replace(CONTROLS, '')
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/["#&<>`%]/g, (c) => MERMAID[c]!);
}

/** A mermaid node ID made of letters, digits and `_` only (never a keyword such as `end`). */
export function mermaidId(prefix: string, text: string): string {
  return `${prefix}_${text.replace(/[^A-Za-z0-9_]/g, '_')}`;
}
