/**
 * DeletionPolicy as CloudFormation applies it (AWS CloudFormation User Guide, "DeletionPolicy
 * attribute"): Retain keeps the resource when it is removed from the template, when the stack is
 * deleted, and when the create that made it rolls back; RetainExceptOnCreate (since July 2023)
 * keeps it in the same cases except the last, where it is deleted.
 */
export function isRetained(policy: string | undefined): boolean {
  return policy === 'Retain' || policy === 'RetainExceptOnCreate';
}
