import { describeFingerprintChange } from '../plan/fingerprint.js';
import type { PlanFingerprint } from '../plan/fingerprint.js';
import type { ReviewedPlanComment } from '../publish/comment.js';
import { showsPlan } from './reviewed-content.js';

/** Raised when a deploy would not do what reviewers saw. */
export class ReviewedPlanError extends Error {}

/** Marker fields that bind a plan comment to the plan it shows. */
export function fingerprintFields(fingerprint: PlanFingerprint): Record<string, string> {
  return {
    fingerprint: fingerprint.value,
    parts: Object.entries(fingerprint.parts)
      .map(([k, v]) => `${k}:${v}`)
      .join(','),
  };
}

function parseParts(text: string | undefined): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const item of (text ?? '').split(',')) {
    const at = item.lastIndexOf(':');
    if (at > 0) parts[item.slice(0, at)] = item.slice(at + 1);
  }
  return parts;
}

/**
 * The reviewed-plan binding: the deploy's freshly computed plan must carry the fingerprint of
 * the plan in the pull request's comment. Otherwise it throws, saying what changed since review
 * (a template, parameters, the stacks in AWS, or the changes CloudFormation now plans).
 * With `rendered` (the deploy's plan rendered as the plan comment renders it), the comment must
 * also show that plan: a marker alone can be copied into a comment that shows something else.
 */
export function assertReviewed(input: {
  readonly fingerprint: PlanFingerprint;
  readonly comment: ReviewedPlanComment | undefined;
  readonly where: string;
  readonly stackNames: Readonly<Record<string, string>>;
  readonly rendered?: string;
}): ReviewedPlanComment {
  const { comment, fingerprint, where } = input;
  if (!comment) {
    throw new ReviewedPlanError(
      `require-reviewed-plan is on, but ${where} has no plan comment for this environment. ` +
        'Run the action in plan mode on the pull request (with comment: always or on-change) and have it reviewed, ' +
        'or turn require-reviewed-plan off.',
    );
  }
  if (comment.fields.fingerprint === fingerprint.value) {
    if (input.rendered === undefined || showsPlan(comment.body ?? '', input.rendered)) {
      return comment;
    }
    throw new ReviewedPlanError(
      `The plan comment (${comment.url ?? `on ${where}`}) carries this plan's fingerprint but ` +
        'does not show this plan: its text differs from the plan rendered now (edited, or ' +
        'posted by another workflow). Nothing was deployed. Re-run the plan on the pull ' +
        'request and review it again.',
    );
  }
  const what = describeFingerprintChange(
    parseParts(comment.fields.parts),
    fingerprint.parts,
    input.stackNames,
  );
  throw new ReviewedPlanError(
    `The plan changed since review (${comment.url ?? `the plan comment on ${where}`}):\n` +
      `${(what.length > 0 ? what : ['the plan differs from the reviewed one']).map((l) => `- ${l}`).join('\n')}\n` +
      'Nothing was deployed. Re-run the plan on the pull request and review it again.',
  );
}
