import { readFile } from 'node:fs/promises';
import type { Plan } from '../plan/model.js';
import { PLAN_MODEL_VERSION } from '../plan/model.js';
import { renderForComment, renderForSummary, renderPlanText } from '../render/index.js';
import type { RenderContext } from '../render/index.js';
import type { Format } from './args.js';
import { UsageError } from './args.js';

/**
 * Reads a plan file the action or the CLI wrote, refusing other versions of the model: the plan
 * itself (the action's plan-file, `plan --offline`) or the result `plan --json` and
 * `deploy --json` print, which holds it under `plan`.
 */
export async function readPlanFile(path: string): Promise<Plan> {
  let read: { version?: unknown; plan?: unknown } | null;
  try {
    read = JSON.parse(await readFile(path, 'utf8')) as typeof read;
  } catch (error) {
    throw new UsageError(
      `Could not read the plan file '${path}': ${(error as Error).message}`,
      'render',
    );
  }
  const plan = (read?.version === undefined && read?.plan ? read.plan : read) as Plan | null;
  if (plan?.version !== PLAN_MODEL_VERSION || !Array.isArray(plan.stacks)) {
    throw new UsageError(
      `'${path}' is not a version ${PLAN_MODEL_VERSION} mwaa-deploy plan (the action's plan-file output, or what 'plan --json' printed).`,
      'render',
    );
  }
  return plan;
}

/** A plan in the asked-for format. */
export function renderPlan(plan: Plan, format: Format, ctx: RenderContext): string {
  switch (format) {
    case 'json':
      return JSON.stringify(plan, null, 2);
    case 'markdown':
      return renderForSummary(plan, ctx);
    case 'comment':
      return renderForComment(plan, ctx);
    case 'text':
      return renderPlanText(plan, ctx);
  }
}
