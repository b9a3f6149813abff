import { derivedSubnetsNote } from '../settings/network.js';
import type { Settings } from '../settings/types.js';
import { stackSpecs } from '../stacks/specs.js';
import type { TemplateBodies } from '../stacks/specs.js';
import { summarizeStack } from '../stacks/summary.js';
import { additionsFrom, parameterChanges } from './convert.js';
import { PLAN_MODEL_VERSION } from './model.js';
import type { Plan, StackPlan } from './model.js';
import { withTemplateContexts } from './analysis-additions.js';

/**
 * The plan of both stacks against an empty account, from the templates alone: what the first
 * deploy would create. No AWS call; values that come from the VPC stack are "known after deploy".
 */
export function offlinePlan(
  settings: Settings,
  templates: TemplateBodies,
  now: Date = new Date(),
): Plan {
  const stacks = stackSpecs(settings, templates).map((spec) => {
    const summary = summarizeStack(spec, settings);
    const plan: StackPlan = {
      role: spec.role,
      stackName: spec.name,
      status: 'MISSING',
      action: 'create' as const,
      source: 'template' as const,
      templateSource: spec.templateSource,
      parameters: parameterChanges(spec.parameters, undefined),
      changes: additionsFrom(summary.resources),
      warnings: [],
    };
    // What each new resource will be (its statements and rules), from the evaluated template.
    return withTemplateContexts(plan, {
      templateBody: spec.templateBody,
      stackName: spec.name,
      region: settings.region,
      parameters: spec.parameters,
    });
  });
  return {
    version: PLAN_MODEL_VERSION,
    environmentName: settings.environmentName,
    region: settings.region,
    createdAt: now.toISOString(),
    keyMode: settings.keyMode,
    stacks,
    warnings: [
      'Offline plan: made from the templates alone against an empty account, without calling AWS.',
      ...[derivedSubnetsNote(settings.network)].filter((note) => note !== undefined),
    ],
  };
}
