import { randomUUID } from 'node:crypto';
import {
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  paginateDescribeChangeSet,
} from '@aws-sdk/client-cloudformation';
import type { Change, DescribeChangeSetCommandOutput } from '@aws-sdk/client-cloudformation';
import type { Clock } from '../shared/clock.js';
import { pollUntil } from '../shared/poll.js';
import type { StackSpec } from '../stacks/types.js';
import { parseTemplate } from '../templates/index.js';
import { isChangeSetMissingError, isNoChangesReason, wrapAwsError } from './errors.js';
import { pagerOf } from './state.js';
import type { Cfn } from './state.js';

export type ChangeSetType = 'CREATE' | 'UPDATE';

/** A change set that finished being computed. */
export interface ReadyChangeSet {
  readonly id: string;
  readonly name: string;
  readonly stackId: string;
  readonly type: ChangeSetType;
  /**
   * True only when the change set FAILED because nothing would change; an executable change
   * set with an empty Changes list is real work and is executed.
   */
  readonly noChanges: boolean;
  /** Every change, from every page, with property values. */
  readonly changes: readonly Change[];
  /** The stack's parameters as the change set resolved them. */
  readonly parameters: readonly { key: string; value: string }[];
}

/** Raised when a change set fails for a reason other than "no changes". */
export class ChangeSetFailedError extends Error {}

/**
 * Creates a change set for the spec. Every parameter must be known: a value known only after
 * deploy means the stack cannot be planned with CloudFormation yet.
 */
export async function createChangeSet(
  cfn: Cfn,
  spec: StackSpec,
  options: { name: string; type: ChangeSetType; description: string },
): Promise<{ id: string; stackId: string }> {
  const parameters = spec.parameters.map((p) => {
    if (p.value === undefined) {
      throw new Error(
        `Parameter ${p.key} of stack ${spec.name} is not known yet (${p.knownAfterDeploy}).`,
      );
    }
    return { ParameterKey: p.key, ParameterValue: p.value };
  });
  try {
    const out = await cfn.send(
      new CreateChangeSetCommand({
        StackName: spec.name,
        ChangeSetName: options.name,
        // Always explicit: omitting it means UPDATE on AWS (and CREATE on some emulators).
        ChangeSetType: options.type,
        TemplateBody: spec.templateBody,
        Parameters: parameters,
        Capabilities: [...spec.capabilities],
        // No tags given: send none. An empty Tags removes every tag of the stack, those set
        // outside this action too; absent, CloudFormation leaves them as they are.
        ...(spec.tags.length > 0
          ? { Tags: spec.tags.map((t) => ({ Key: t.key, Value: t.value })) }
          : {}),
        // Declared so that IAM can allow only these types (cloudformation:ResourceTypes, which
        // the bootstrap roles require); CloudFormation refuses a template with a type not listed.
        ResourceTypes: resourceTypes(spec.templateBody),
        Description: options.description.slice(0, 1024),
        // A failed create rolls back to ROLLBACK_COMPLETE, where the first failure stays readable.
        ...(options.type === 'CREATE' ? { OnStackFailure: 'ROLLBACK' as const } : {}),
        IncludeNestedStacks: false,
        // One per request (the SDK's retries resend the same input): a retry after a lost
        // response gets the change set the first attempt made, instead of AlreadyExists. Not
        // the change set's name: a re-plan in the same run must not get a deleted one back.
        ClientToken: randomUUID(),
      }),
    );
    if (!out.Id) throw new Error('CloudFormation returned no change set ID');
    return { id: out.Id, stackId: out.StackId ?? '' };
  } catch (error) {
    throw wrapAwsError(
      `Could not create a ${options.type} change set for stack ${spec.name}`,
      error,
    );
  }
}

/** Every resource type the template declares, sorted, whatever its conditions. */
export function resourceTypes(templateBody: string): string[] {
  const template = parseTemplate(templateBody);
  return [...new Set(Object.values(template.Resources).map((r) => r.Type))].sort();
}

/**
 * Waits until the change set is computed, then reads all of it. "No changes" is a result, not
 * an error; any other failure is a ChangeSetFailedError with CloudFormation's reason.
 */
export async function waitForChangeSet(
  cfn: Cfn,
  ref: { id: string; name: string; stackName: string; type: ChangeSetType },
  options: { clock: Clock; timeoutMs: number; signal?: AbortSignal },
): Promise<ReadyChangeSet> {
  const first = await pollUntil<DescribeChangeSetCommandOutput>(
    async () => {
      const page = await describeFirstPage(cfn, ref.id);
      return page.Status === 'CREATE_COMPLETE' || page.Status === 'FAILED' ? page : undefined;
    },
    {
      clock: options.clock,
      timeoutMs: options.timeoutMs,
      what: `change set ${ref.name} of ${ref.stackName}`,
      signal: options.signal,
    },
  );
  const parameters = (first.Parameters ?? []).map((p) => ({
    key: p.ParameterKey ?? '',
    value: p.ParameterValue ?? '',
  }));
  const base = {
    id: ref.id,
    name: ref.name,
    stackId: first.StackId ?? '',
    type: ref.type,
    parameters,
  };
  if (first.Status === 'FAILED') {
    if (isNoChangesReason(first.StatusReason)) return { ...base, noChanges: true, changes: [] };
    throw new ChangeSetFailedError(
      `The change set for stack ${ref.stackName} failed: ${first.StatusReason ?? 'no reason given'}`,
    );
  }
  const changes = [...(first.Changes ?? [])];
  // The first page was read by the poll: the SDK's paginator goes on from its NextToken.
  if (first.NextToken) {
    try {
      for await (const page of paginateDescribeChangeSet(
        { ...pagerOf(cfn), startingToken: first.NextToken },
        { ChangeSetName: ref.id, IncludePropertyValues: true },
      )) {
        changes.push(...(page.Changes ?? []));
      }
    } catch (error) {
      throw wrapAwsError(`Could not describe change set ${ref.id}`, error);
    }
  }
  // An executable change set with no resource change still changes the stack (outputs,
  // parameter values, tags): CloudFormation says "nothing to do" only as a FAILED change set.
  return { ...base, noChanges: false, changes };
}

async function describeFirstPage(cfn: Cfn, id: string) {
  try {
    return await cfn.send(
      new DescribeChangeSetCommand({ ChangeSetName: id, IncludePropertyValues: true }),
    );
  } catch (error) {
    throw wrapAwsError(`Could not describe change set ${id}`, error);
  }
}

/** Raised when a planned change set cannot be executed; the message says what to do. */
export class ChangeSetNotExecutableError extends Error {}

/**
 * Reads the change set again right before ExecuteChangeSet: only an AVAILABLE one can run.
 * Executing another change set on the stack (another run's deploy) makes this one OBSOLETE or
 * deletes it; either way the plan no longer describes what would happen.
 */
export async function requireExecutable(
  cfn: Cfn,
  ref: { id: string; stackName: string },
): Promise<void> {
  const again = `Nothing was executed on ${ref.stackName}. Run again to plan from the stack as it is now (and review that plan).`;
  let out: DescribeChangeSetCommandOutput;
  try {
    out = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: ref.id }));
  } catch (error) {
    if (!isChangeSetMissingError(error))
      throw wrapAwsError(`Could not describe change set ${ref.id}`, error);
    throw new ChangeSetNotExecutableError(
      `The planned change set of stack ${ref.stackName} no longer exists: the stack changed since the plan ` +
        `(executing another change set on a stack deletes its other change sets), or someone deleted it. ${again}`,
    );
  }
  const status = out.ExecutionStatus ?? 'UNAVAILABLE';
  if (status === 'AVAILABLE') return;
  const why =
    status === 'OBSOLETE'
      ? 'the stack changed since the plan (its change set is OBSOLETE: another change set or update ran on the stack)'
      : status === 'UNAVAILABLE'
        ? out.Status === 'FAILED'
          ? `its change set failed (${out.StatusReason ?? 'no reason given'})`
          : `its change set is not ready (${out.Status ?? 'unknown status'}); CloudFormation is still computing it`
        : `its change set is already ${status}: another run executed it`;
  throw new ChangeSetNotExecutableError(
    `Stack ${ref.stackName} cannot be deployed as planned: ${why}. ${again}`,
  );
}

/**
 * Deletes a change set; a plan leaves nothing behind. One already gone (executing another change
 * set of the stack deletes it) is not an error.
 */
export async function deleteChangeSet(cfn: Cfn, id: string): Promise<void> {
  try {
    await cfn.send(new DeleteChangeSetCommand({ ChangeSetName: id }));
  } catch (error) {
    if (isChangeSetMissingError(error)) return;
    throw wrapAwsError(`Could not delete change set ${id}`, error);
  }
}
