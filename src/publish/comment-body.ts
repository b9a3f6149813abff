/**
 * The text of a plan comment: marker line first, then the caller's markdown, cut to fit
 * GitHub's limit rather than rejected with a 422 (the full plan is in the job summary).
 */
import { MAX_COMMENT_CHARS } from './comment-api.js';

const TRUNCATED_NOTE =
  `\n\n**This plan is longer than a comment can hold (${MAX_COMMENT_CHARS.toLocaleString('en-US')} ` +
  'characters) and was cut here. The full plan is in the job summary.**';

/**
 * Marker, body and an optional footer as one comment, and whether the body had to be cut to
 * fit (the footer never is).
 */
export function composeComment(
  marker: string,
  body: string,
  footer = '',
): { body: string; truncated: boolean } {
  const whole = `${marker}\n${body}${footer}`;
  // String length counts UTF-16 units, never fewer than GitHub's characters: a safe bound.
  if (whole.length <= MAX_COMMENT_CHARS) return { body: whole, truncated: false };
  const closers = '\n```\n</details>';
  const room =
    MAX_COMMENT_CHARS - marker.length - 1 - TRUNCATED_NOTE.length - closers.length - footer.length;
  const cutAt = body.lastIndexOf('\n', room);
  const kept = body.slice(0, cutAt > 0 ? cutAt : room);
  return {
    body: `${marker}\n${kept}${closeOpenBlocks(kept)}${TRUNCATED_NOTE}${footer}`,
    truncated: true,
  };
}

/** Closes a code fence or a <details> block the cut left open, so the note still renders. */
function closeOpenBlocks(text: string): string {
  let close = '';
  const fences = text.match(/^[ \t]*```/gm)?.length ?? 0;
  if (fences % 2 === 1) close += '\n```';
  const opened = text.match(/<details\b/gi)?.length ?? 0;
  const closed = text.match(/<\/details>/gi)?.length ?? 0;
  if (opened > closed) close += '\n</details>';
  return close;
}

/** What a stale plan comment says once a later plan of the environment found no changes. */
export function noChangesBody(environment: string, runUrl?: string): string {
  const run = runUrl ? ` ([run](${runUrl}))` : '';
  return [
    `### MWAA plan for \`${environment}\`: no changes any more`,
    '',
    `The latest plan${run} found nothing to change in this environment's stacks. ` +
      "The earlier plan is in this comment's edit history.",
  ].join('\n');
}

/** The line markApplied appends: which run applied the plan, and when (UTC). */
export function appliedLine(runUrl: string | undefined, at: number): string {
  const when = new Date(at).toISOString().replace('T', ' ').slice(0, 16);
  const run = runUrl ? `[this run](${runUrl})` : 'a workflow run';
  return `**Applied** in ${run} at ${when} UTC.`;
}
