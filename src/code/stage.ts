/**
 * The release-time code stage as the engine calls it: read and check the workspace's files first
 * (before any AWS call writes), plan them against the prerequisite stack's bucket with the rest
 * of the plan, and sync them after the prerequisite stack is deployed (the bucket exists) and
 * before the environment stack (which takes the object versions).
 */
import { outputsOf } from '../cfn/state.js';
import type { StackState } from '../cfn/state.js';
import type { CodePlan } from '../plan/code-model.js';
import type { Plan } from '../plan/model.js';
import type { Settings } from '../settings/types.js';
import type { Logger } from '../shared/logger.js';
import { readLocalCode } from './local.js';
import type { LocalCode } from './local.js';
import { planCode } from './plan.js';
import type { PlannedCode } from './plan.js';
import type { S3 } from './remote.js';
import { syncCode } from './sync.js';
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

/**
 * Reads and checks the code inputs; undefined when none is set.
 * @throws SettingsError naming each input whose files are missing, of the wrong kind, outside
 *   the workspace, or not what MWAA takes.
 */
export async function openCodeStage(
  settings: Settings,
  s3: S3,
  log: Logger,
): Promise<CodeStage | undefined> {
  const code = settings.code;
  if (!code) return undefined;
  const local: LocalCode = await readLocalCode(code);
  let planned: PlannedCode | undefined;
  const bucketOf = (outputs: Readonly<Record<string, string>> | undefined) =>
    outputs?.[BUCKET_OUTPUT] || undefined;
  const stage: CodeStage = {
    async plan(outputs) {
      planned = await planCode({ s3, bucket: bucketOf(outputs), settings: code, local });
      const { cost } = planned.plan;
      log.info(
        planned.plan.bucket
          ? `Compared the code with s3://${planned.plan.bucket}/ (${cost.listPages} listing pages, ${cost.heads} HeadObject calls).`
          : 'The bucket does not exist yet: every code file will be uploaded once the prerequisite stack has created it.',
      );
      return planned.plan;
    },
    assertSafe() {
      if (planned?.overDeletionLimit) throw new DagDeletionLimitError(planned.overDeletionLimit);
    },
    async sync(outputs) {
      const bucket = bucketOf(outputs);
      if (!bucket) {
        throw new Error(
          `The prerequisite stack has no ${BUCKET_OUTPUT} output, so the code has no bucket to go to.`,
        );
      }
      if (!planned || planned.plan.bucket !== bucket) {
        planned = await planCode({ s3, bucket, settings: code, local });
        stage.assertSafe();
      }
      return syncCode(s3, bucket, planned, log);
    },
  };
  return stage;
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
  if (!code) return run;
  const prerequisites = run.stacks.find((s) => s.spec.role === 'prerequisites')?.state;
  const outputs = prerequisites?.kind === 'healthy' ? outputsOf(prerequisites.stack) : undefined;
  return { ...run, plan: { ...run.plan, code: await code.plan(outputs) } };
}
