/**
 * The release-time code section of BENCHMARKS.md lives between two markers: `npm run bench:code`
 * writes it, and `npm run bench` (which rewrites the rest of the file) keeps it.
 */
const START = '<!-- code-sync:start -->';
const END = '<!-- code-sync:end -->';

function marked(text: string): string | undefined {
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  return from >= 0 && to > from ? text.slice(from, to + END.length) : undefined;
}

/** `text` with the marked section replaced by `section` (appended when there is none). */
export function withCodeSection(text: string, section: string): string {
  const block = `${START}\n\n${section}\n\n${END}`;
  const old = marked(text);
  return old !== undefined ? text.replace(old, () => block) : `${text.trimEnd()}\n\n${block}\n`;
}

/** A freshly generated report with the previous report's code section carried over. */
export function keepCodeSection(previous: string, fresh: string): string {
  const old = marked(previous);
  if (old === undefined || marked(fresh) !== undefined) return fresh;
  return `${fresh.trimEnd()}\n\n${old}\n`;
}
