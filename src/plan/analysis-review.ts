/**
 * What a fresh plan of a stack does beyond the plan reviewers saw. The deploy re-plans a stack
 * when the outputs it takes from an earlier stack were unknown or changed; that change set may
 * replace or remove what the reviewed plan showed as "known after deploy", or not at all.
 */
import { destructiveReason } from './analysis.js';
import type { DestructiveReason } from './analysis.js';
import type { ResourceChange, StackPlan } from './model.js';

/** A change of the fresh plan that the reviewed plan did not show (or showed as less). */
export interface UnreviewedChange {
  readonly logicalId: string;
  readonly type: string;
  /** What the fresh plan does to it. */
  readonly now: ResourceChange;
  /** What the reviewed plan showed for it; undefined when it did not list it. */
  readonly reviewed?: ResourceChange;
}

/**
 * How much of the resource as it is a change destroys: 0 keeps it, 1 replaces it (or may), 2
 * removes it. A reviewed "may be replaced" covers a fresh "will be replaced".
 */
const SEVERITY: Readonly<Record<DestructiveReason, number>> = {
  'conditional-replace': 1,
  replace: 1,
  remove: 2,
};

function severity(change: ResourceChange): number {
  const reason = destructiveReason(change);
  return reason === undefined ? 0 : SEVERITY[reason];
}

/**
 * The changes of `fresh` beyond `reviewed`: a replacement or removal of a resource the reviewed
 * plan did not list, or listed as less destructive (added or updated in place where it is now
 * replaced, replaced where it is now removed). Empty when the fresh plan destroys nothing the
 * reviewers did not see.
 */
export function changesBeyondReview(reviewed: StackPlan, fresh: StackPlan): UnreviewedChange[] {
  const shown = new Map(reviewed.changes.map((c) => [c.logicalId, c]));
  const beyond: UnreviewedChange[] = [];
  for (const now of fresh.changes) {
    const was = shown.get(now.logicalId);
    // Only what destroys counts: an addition or an in-place update the plan did not list
    // loses nothing, and CloudFormation rolls it back with the rest if it fails.
    if (severity(now) <= (was === undefined ? 0 : severity(was))) continue;
    beyond.push({
      logicalId: now.logicalId,
      type: now.type,
      now,
      ...(was !== undefined ? { reviewed: was } : {}),
    });
  }
  return beyond;
}
