/** Rendering a plan: markdown for the PR comment and the job summary, plain text for logs. */
export {
  COMMENT_LIMIT,
  COMMENT_RESERVE,
  SUMMARY_LIMIT_BYTES,
  SUMMARY_RESERVE_BYTES,
  renderForComment,
  renderForSummary,
  renderPlanMarkdown,
} from './markdown.js';
export type { MarkdownOptions } from './markdown.js';
export { renderPlanText } from './text.js';
export type { RenderContext } from './context.js';
export { planSummaryMarkdown } from './summary-markdown.js';
export {
  codeBlock,
  escapeCell,
  escapeInline,
  escapeMarkdown,
  escapeTerminal,
  neutraliseCommands,
} from './escape.js';
