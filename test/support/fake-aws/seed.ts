/**
 * Stacks put in place by a test, in any status, as if an earlier run (or a person) had left
 * them there: deployed from a template with plausible physical IDs, or bare.
 */
import { buildTarget, install } from './deployment.js';
import type { CfnState } from './state.js';
import { effectiveParameters, readTemplate } from './template-model.js';
import type { OutputRecord, StackRecord } from './types.js';

export interface SeedStack {
  readonly name: string;
  /** Default CREATE_COMPLETE. */
  readonly status?: string;
  readonly statusReason?: string;
  /** Deployed template: resources get physical IDs, outputs are computed from it. */
  readonly templateBody?: string;
  readonly parameters?: Readonly<Record<string, string>>;
  /** Outputs to report instead of (or without) the template's. */
  readonly outputs?: Readonly<Record<string, string>>;
  readonly terminationProtection?: boolean;
  readonly tags?: Readonly<Record<string, string>>;
  readonly capabilities?: readonly string[];
  /** For a stack seeded in progress: the status it reaches, and after how long. */
  readonly settlesTo?: {
    readonly status: string;
    readonly afterMs: number;
    readonly reason?: string;
  };
}

/** Resource status for a stack status: gone after a create that rolled back or a deletion. */
function resourceStatusFor(stackStatus: string): string {
  if (/^(ROLLBACK_COMPLETE|DELETE_COMPLETE)$/.test(stackStatus)) return 'DELETE_COMPLETE';
  if (stackStatus.startsWith('UPDATE')) return 'UPDATE_COMPLETE';
  return 'CREATE_COMPLETE';
}

export function seedStack(state: CfnState, seed: SeedStack): StackRecord {
  if (state.stacks.has(seed.name)) throw new Error(`Stack ${seed.name} is already seeded`);
  const at = new Date(state.now());
  const status = seed.status ?? 'CREATE_COMPLETE';
  const stack: StackRecord = {
    stackId: state.arn('stack', seed.name),
    name: seed.name,
    status,
    statusReason: seed.statusReason,
    creationTime: at,
    lastUpdatedTime: status.startsWith('UPDATE') ? at : undefined,
    terminationProtection: seed.terminationProtection ?? false,
    disableRollback: false,
    events: [],
    templateBody: seed.templateBody ?? '',
    parameters: { ...(seed.parameters ?? {}) },
    outputs: [],
    resources: new Map(),
    tags: Object.entries(seed.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
    capabilities: [...(seed.capabilities ?? [])],
  };
  if (seed.templateBody && status !== 'REVIEW_IN_PROGRESS') {
    const template = readTemplate(seed.templateBody);
    const given = Object.entries(seed.parameters ?? {}).map(([ParameterKey, ParameterValue]) => ({
      ParameterKey,
      ParameterValue,
    }));
    const parameters = effectiveParameters(template, given, undefined);
    const target = buildTarget(
      template,
      parameters,
      state.pseudo(stack),
      new Map(),
      state.idContext(stack),
    );
    install(
      stack,
      target,
      { templateBody: seed.templateBody, template, parameters },
      at,
      resourceStatusFor(status),
    );
    stack.description = template.Description;
    if (resourceStatusFor(status) === 'DELETE_COMPLETE') stack.outputs = [];
  }
  if (seed.outputs) {
    stack.outputs = Object.entries(seed.outputs).map(([OutputKey, OutputValue]): OutputRecord => ({
      OutputKey,
      OutputValue,
    }));
  }
  state.stacks.set(seed.name, stack);
  state.stackEvent(stack, at, status, seed.statusReason, undefined);
  if (seed.settlesTo) {
    const { status: next, afterMs, reason } = seed.settlesTo;
    state.schedule(at.getTime() + afterMs, (when) =>
      state.stackEvent(stack, when, next, reason, undefined),
    );
  }
  return stack;
}
