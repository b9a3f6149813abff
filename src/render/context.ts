/**
 * What a renderer knows besides the plan: where it runs (commit, workflow run), what to hide
 * (secrets, NoEcho parameters, the account), and facts from the stacks' templates. Both
 * renderers start from `prepareRender`, which scrubs the plan and analyses it once.
 */
import { analyzePlan } from '../plan/analysis.js';
import type { PlanAnalysis } from '../plan/analysis.js';
import type { TemplateFacts } from '../plan/analysis-template.js';
import type { Plan } from '../plan/model.js';
import { normalizePlan } from './normalize.js';
import { noEchoKeys, noEchoValues, scrubPlan, secretScrubber } from './scrub.js';

export interface RenderContext {
  /** What the run does: plan, deploy or verify. */
  readonly mode: string;
  /** The commit planned (GITHUB_SHA). */
  readonly commitSha?: string;
  /** The workflow run's page, linked from the header. */
  readonly runUrl?: string;
  /** owner/name, to link the commit. */
  readonly repository?: string;
  /** https://github.com unless on GitHub Enterprise Server (GITHUB_SERVER_URL). */
  readonly serverUrl?: string;
  /** Hide the account ID everywhere (header, ARNs, values), as configure-aws-credentials can. */
  readonly maskAccount?: boolean;
  /** Values that must never appear; each occurrence becomes `***`. */
  readonly secrets?: readonly string[];
  /** NoEcho parameter keys (besides any CloudFormation already shows as `****`). */
  readonly noEchoKeys?: readonly string[];
  /**
   * Facts from each stack's template, by stack name (see `templateFacts`): links draw the
   * diagram, retained resources soften the destructive warnings, NoEcho keys hide values.
   */
  readonly templates?: Readonly<Record<string, Partial<TemplateFacts>>>;
  /** Types to treat as stateful besides STATEFUL_TYPES. */
  readonly statefulTypes?: readonly string[];
}

/** A plan ready to render: scrubbed, with its analysis and the context's scrubbed text. */
export interface Prepared {
  readonly plan: Plan;
  readonly analysis: PlanAnalysis;
  readonly ctx: RenderContext;
  /** Applies the same scrubbing to any other text shown. */
  readonly scrub: (text: string) => string;
}

/** Scrubs the plan and the context, then analyses the scrubbed plan. */
export function prepareRender(plan: Plan, ctx: RenderContext): Prepared {
  const declared = [
    ...(ctx.noEchoKeys ?? []),
    ...Object.values(ctx.templates ?? {}).flatMap((t) => t.noEcho ?? []),
  ];
  const keys = noEchoKeys(plan, declared);
  const secrets = [
    ...(ctx.secrets ?? []),
    ...noEchoValues(plan, keys),
    ...(ctx.maskAccount && plan.accountId ? [plan.accountId] : []),
  ];
  const scrub = secretScrubber(secrets);
  const clean = scrubPlan(normalizePlan(plan), keys, scrub);
  const retained = Object.fromEntries(
    Object.entries(ctx.templates ?? {}).flatMap(([stack, t]) =>
      t.retained ? [[stack, t.retained]] : [],
    ),
  );
  const analysis = analyzePlan(clean, {
    retained,
    ...(ctx.statefulTypes ? { statefulTypes: ctx.statefulTypes } : {}),
  });
  const text = (v: string | undefined) => (v === undefined ? undefined : scrub(v));
  return {
    plan: clean,
    analysis,
    scrub,
    ctx: {
      ...ctx,
      commitSha: text(ctx.commitSha),
      runUrl: text(ctx.runUrl),
      repository: text(ctx.repository),
    },
  };
}
