/**
 * The release-time code stage as the engine calls it: read and check the workspace's files first
 * (before any AWS call writes), plan them against the prerequisite stack's bucket with the rest
 * of the plan, and sync them after the prerequisite stack is deployed (the bucket exists) and
 * before the environment stack (which takes the object versions).
 */
import type { Settings } from '../settings/types.js';
import type { Logger } from '../shared/logger.js';
import { readLocalCode } from './local.js';
import type { LocalCode } from './local.js';
import { planCode } from './plan.js';
import type { PlannedCode } from './plan.js';
import type { S3 } from './remote.js';
import { syncCode } from './sync.js';

export { addCodePlan, BUCKET_OUTPUT, DagDeletionLimitError } from './add-plan.js';
export type { CodeStage } from './add-plan.js';
import { BUCKET_OUTPUT, DagDeletionLimitError } from './add-plan.js';
import type { CodeStage } from './add-plan.js';

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
