/**
 * What reviewers judged in a plan comment, without what legitimately differs between the plan
 * run and the deploy run: the marker, the header's context line (commit, mode, run link), the
 * footer (when the plan was made) and the "applied" line. What is left, from the verdict on
 * (warnings, summary table, changes, security and parameter rows), must be what the deploy's own
 * plan renders to, or the comment does not show what is about to be deployed.
 */
import { stripMarker } from '../publish/comment-marker.js';

/** The verdict line opens the reviewed content (see render/markdown-header.ts). */
const VERDICT = /^(?:✅|📝|🛑) \*\*/m;
/** The footer, the truncation note and the applied line close it. */
const CLOSERS = [
  '\n<sub>mwaa-deploy · plan made',
  '\n\n**This plan is longer than a comment',
  '\n\n**Applied** in ',
];

export function reviewedContent(commentBody: string): { text: string; truncated: boolean } {
  const body = stripMarker(commentBody);
  const start = VERDICT.exec(body)?.index ?? 0;
  let end = body.length;
  for (const closer of CLOSERS) {
    const at = body.indexOf(closer, start);
    if (at !== -1 && at < end) end = at;
  }
  const truncated = body.includes(CLOSERS[1]!);
  return { text: body.slice(start, end).trimEnd(), truncated };
}

/**
 * Whether a comment shows the plan rendered now: equal content, or, when the comment had to be
 * cut to fit, a rendering that starts with what the comment kept (less the fences the cut
 * closed).
 */
export function showsPlan(commentBody: string, rendered: string): boolean {
  const shown = reviewedContent(commentBody);
  const now = reviewedContent(rendered).text;
  if (!shown.truncated) return shown.text === now;
  const kept = shown.text.replace(/(?:\n```|\n<\/details>)+$/, '');
  return kept.length > 0 && now.startsWith(kept);
}
