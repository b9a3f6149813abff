import type { Plan, ResourceChange } from './model.js';

/** Resource types whose data goes with them: removing or replacing one loses something. */
export const STATEFUL_TYPES: ReadonlySet<string> = new Set(['AWS::S3::Bucket', 'AWS::KMS::Key']);

/** A change that deletes the resource as it is: a removal or a (possible) replacement. */
export function isDestructive(change: ResourceChange): boolean {
  return (
    change.action === 'Remove' ||
    change.replacement === 'True' ||
    change.replacement === 'Conditional'
  );
}

/** True when any stack removes or replaces a resource. */
export function planIsDestructive(plan: Plan): boolean {
  return plan.stacks.some((s) => s.changes.some(isDestructive));
}
