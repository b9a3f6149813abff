import {
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
} from '@aws-sdk/client-cloudformation';
import type { Change, DescribeChangeSetCommandOutput } from '@aws-sdk/client-cloudformation';
import type { Clock } from '../shared/clock.js';
import { pollUntil } from '../shared/poll.js';
import type { StackSpec } from '../stacks/types.js';
import { parseTemplate } from '../templates/index.js';
import { isNoChangesReason, wrapAwsError } from './errors.js';
import type { Cfn } from './state.js';

export type ChangeSetType = 'CREATE' | 'UPDATE';

/** A change set that finished being computed. */
export interface ReadyChangeSet {
  readonly id: string;
  readonly name: string;
  readonly stackId: string;
  readonly type: ChangeSetType;
  /** True when CloudFormation found nothing to change. */
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
        Tags: spec.tags.map((t) => ({ Key: t.key, Value: t.value })),
        // Declared so that IAM can allow only these types (cloudformation:ResourceTypes, which
        // the bootstrap roles require); CloudFormation refuses a template with a type not listed.
        ResourceTypes: resourceTypes(spec.templateBody),
        Description: options.description.slice(0, 1024),
        // A failed create rolls back to ROLLBACK_COMPLETE, where the first failure stays readable.
        ...(options.type === 'CREATE' ? { OnStackFailure: 'ROLLBACK' as const } : {}),
        IncludeNestedStacks: false,
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
      const page = await describePage(cfn, ref.id, undefined);
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
  for (let token = first.NextToken; token;) {
    const page = await describePage(cfn, ref.id, token);
    changes.push(...(page.Changes ?? []));
    token = page.NextToken;
  }
  return { ...base, noChanges: changes.length === 0, changes };
}

async function describePage(cfn: Cfn, id: string, nextToken: string | undefined) {
  try {
    return await cfn.send(
      new DescribeChangeSetCommand({
        ChangeSetName: id,
        NextToken: nextToken,
        IncludePropertyValues: true,
      }),
    );
  } catch (error) {
    throw wrapAwsError(`Could not describe change set ${id}`, error);
  }
}

/** Deletes a change set; a plan leaves nothing behind. */
export async function deleteChangeSet(cfn: Cfn, id: string): Promise<void> {
  try {
    await cfn.send(new DeleteChangeSetCommand({ ChangeSetName: id }));
  } catch (error) {
    throw wrapAwsError(`Could not delete change set ${id}`, error);
  }
}
