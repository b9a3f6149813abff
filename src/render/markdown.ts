/**
 * The plan in markdown, for the PR comment and the job summary: header and verdict, warnings,
 * a summary table, security-relevant changes, each stack's parameters and resources with their
 * property changes, and a diagram; shortened to a size limit when asked.
 */
import { NETWORK_TYPES } from '../plan/analysis.js';
import type { Plan } from '../plan/model.js';
import { fit, measureBytes, measureChars, Tier } from './budget.js';
import { codeParts } from './code-markdown.js';
import type { Dropped, Part } from './budget.js';
import { prepareRender } from './context.js';
import type { Prepared, RenderContext } from './context.js';
import { escapeInline as e } from './escape.js';
import { headerParts, safeUrl, summaryParts, warningParts } from './markdown-header.js';
import { driftParts } from './markdown-drift.js';
import { precheckParts } from './markdown-prechecks.js';
import { securityParts } from './markdown-security.js';
import { stackParts } from './markdown-stack.js';
import { mermaidBlock } from './mermaid.js';

/** GitHub rejects a comment body longer than this many characters. */
export const COMMENT_LIMIT = 65_536;
/** Room left in a comment for what the caller adds (the hidden marker, a heading). */
export const COMMENT_RESERVE = 1_000;
/** GitHub's limit for one step's job summary, in bytes. */
export const SUMMARY_LIMIT_BYTES = 1_048_576;
/** Room left in the job summary for the rest of the step's summary (the checks). */
export const SUMMARY_RESERVE_BYTES = 16_384;

export interface MarkdownOptions {
  /** The most the result may measure; no limit when absent. */
  readonly limit?: number;
  /** How `limit` is measured: characters (a comment) or UTF-8 bytes (the job summary). */
  readonly unit?: 'chars' | 'bytes';
  /** Where the full plan can be read when this one is shortened; says what to point at. */
  readonly target?: 'comment' | 'summary';
}

function elsewhere(target: MarkdownOptions['target']): string {
  return target === 'summary' ? 'see the plan file' : 'see the job summary';
}

function trimNote(p: Prepared, options: MarkdownOptions): (d: Dropped) => string {
  return (d) => {
    const left = [
      ...(d.details > 0 ? [`${d.details} property details`] : []),
      ...(d.diagram > 0 ? ['the diagram'] : []),
      ...(d.rows > 0 ? [`${d.rows} resource rows`] : []),
      ...(d.security > 0 ? [`${d.security} security rows`] : []),
      ...(d.parameters > 0 ? [`${d.parameters} parameter rows`] : []),
    ];
    const what = left.length > 0 ? `; left out: ${left.join(', ')}` : '';
    const run = safeUrl(p.ctx.runUrl);
    const full =
      options.target === 'summary'
        ? 'The plan file (the `plan-file` output) holds the full plan.'
        : `The job summary of ${run ? `[the workflow run](${run})` : 'the workflow run'} holds the full plan.`;
    const why =
      options.target === 'comment'
        ? "This comment is shortened to fit GitHub's size limit for comments"
        : options.target === 'summary'
          ? "This summary is shortened to fit GitHub's 1 MiB limit for a job summary"
          : `This plan is shortened to ${options.limit ?? 0} ${options.unit ?? 'chars'}`;
    return ['> [!NOTE]', `> ${why}${what}. ${full}`, ''].join('\n');
  };
}

/** Every part of the document, in order, before any is left out. */
function documentParts(p: Prepared, options: MarkdownOptions): Part[] {
  const where = elsewhere(options.target);
  const severe = new Map<string, Set<string>>();
  for (const d of p.analysis.destructive) {
    if (!d.stateful && !NETWORK_TYPES.has(d.type)) continue;
    const ids = severe.get(d.stack) ?? new Set<string>();
    ids.add(d.logicalId);
    severe.set(d.stack, ids);
  }
  const links = Object.fromEntries(
    Object.entries(p.ctx.templates ?? {}).map(([stack, facts]) => [stack, facts.links]),
  );
  const diagram = p.analysis.hasChanges ? mermaidBlock(p.plan, links) : undefined;
  return [
    ...headerParts(p),
    ...precheckParts(p),
    ...warningParts(p),
    ...summaryParts(p),
    { text: '', tier: Tier.KEEP, trimNote: true },
    ...driftParts(p.analysis.drift, p.plan.stacks, where),
    ...securityParts(p.analysis.securityChanges, where),
    ...p.plan.stacks.flatMap((s) => stackParts(s, severe.get(s.stackName) ?? new Set(), where)),
    ...codeParts(p.plan.code, where),
    ...(diagram
      ? [
          {
            text: [
              '<details><summary>Diagram of the changes</summary>',
              '',
              diagram,
              '',
              '</details>',
              '',
            ].join('\n'),
            tier: Tier.DIAGRAM,
          },
        ]
      : []),
    {
      text: `<sub>mwaa-deploy · plan made ${e(p.plan.createdAt)} · plan model v${p.plan.version}</sub>`,
      tier: Tier.KEEP,
    },
  ];
}

/**
 * The plan in GitHub-flavoured markdown. With a limit, parts are left out (property details
 * first, largest first; then the diagram; then resource, security and parameter rows) until
 * it fits; the header, the warnings and the summary table are always kept, and a note says
 * what was left out and where the full plan is.
 */
export function renderPlanMarkdown(
  plan: Plan,
  ctx: RenderContext,
  options: MarkdownOptions = {},
): string {
  const p = prepareRender(plan, ctx);
  const parts = documentParts(p, options);
  const measure = options.unit === 'bytes' ? measureBytes : measureChars;
  return fit(parts, options.limit ?? Number.POSITIVE_INFINITY, measure, trimNote(p, options)).text;
}

/** The plan for the PR comment: at most 65,536 characters less `reserve` (default 1,000). */
export function renderForComment(
  plan: Plan,
  ctx: RenderContext,
  options: { reserve?: number } = {},
): string {
  return renderPlanMarkdown(plan, ctx, {
    limit: COMMENT_LIMIT - (options.reserve ?? COMMENT_RESERVE),
    unit: 'chars',
    target: 'comment',
  });
}

/** The plan for the job summary: at most 1 MiB (in bytes) less `reserve` (default 16 KiB). */
export function renderForSummary(
  plan: Plan,
  ctx: RenderContext,
  options: { reserve?: number } = {},
): string {
  return renderPlanMarkdown(plan, ctx, {
    limit: SUMMARY_LIMIT_BYTES - (options.reserve ?? SUMMARY_RESERVE_BYTES),
    unit: 'bytes',
    target: 'summary',
  });
}
