import type { Plan } from '../plan/model.js';
import { renderForSummary } from './markdown.js';

/**
 * The plan as markdown for the job summary, without run context. Kept for existing callers;
 * new code calls renderForSummary / renderForComment with a RenderContext.
 */
export function planSummaryMarkdown(plan: Plan): string {
  return renderForSummary(plan, { mode: 'plan' });
}
