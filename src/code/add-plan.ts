/**
 * What the engine needs of the code stage without loading it: the stage's interface, its error,
 * and adding its plan to a planned run. The stage itself (src/code/stage.ts, S3 object calls) is
 * loaded only when code inputs are set.
 */
import { outputsOf } from '../cfn/state.js';
import type { StackState } from '../cfn/state.js';
import type { CodePlan } from '../plan/code-model.js';
import type { Plan } from '../plan/model.js';
import type { CodeSyncResult } from './sync.js';

/** Raised when a deploy would delete more DAG objects than dag-deletion-limit allows. */
export class DagDeletionLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DagDeletionLimitError';
  }
}

/** The prerequisite stack's output naming the bucket. */
export const BUCKET_OUTPUT = 'BucketName';

export interface CodeStage {
  /**
   * Plans the code against the bucket named by the prerequisite stack's outputs, or a bucket the
   * stack will create (outputs undefined, or without the bucket): then everything is added.
   */
  plan(prerequisiteOutputs: Readonly<Record<string, string>> | undefined): Promise<CodePlan>;
  /** Throws DagDeletionLimitError when the planned deletions exceed dag-deletion-limit. */
  assertSafe(): void;
  /**
   * Syncs the bucket the deployed prerequisite stack names: the reviewed plan when it was made
   * against that bucket, otherwise a fresh plan of it (a new bucket).
   */
  sync(prerequisiteOutputs: Readonly<Record<string, string>>): Promise<CodeSyncResult>;
}

/** What addCodePlan needs of a planned run: the plan, and each stack's role and state. */
interface RunWithStacks {
  readonly plan: Plan;
  readonly stacks: readonly {
    readonly spec: { readonly role: string };
    readonly state: StackState;
  }[];
}

/**
 * The run with the code plan in its plan: compared with the bucket of the deployed prerequisite
 * stack, or planned as all added when that stack is not deployed yet. Unchanged without a stage.
 */
export async function addCodePlan<R extends RunWithStacks>(
  run: R,
  code: CodeStage | undefined,
): Promise<R> {
  // Planned already when the environment stack needed the code's object versions (planBoth).
  if (!code || run.plan.code) return run;
  const prerequisites = run.stacks.find((s) => s.spec.role === 'prerequisites')?.state;
  const outputs = prerequisites?.kind === 'healthy' ? outputsOf(prerequisites.stack) : undefined;
  return { ...run, plan: { ...run.plan, code: await code.plan(outputs) } };
}
