/** CloudFormation's change set actions other than create: describe, list, delete, execute. */
import { startExecution } from './execute.js';
import { changeSetStatus, executionStatus } from './state.js';
import type { CfnState } from './state.js';
import { AwsError, boolParam, page, stringParam, validation } from './wire.js';

export { createChangeSet, NO_CHANGES } from './create-change-set.js';

type Params = Record<string, unknown>;

export function describeChangeSet(state: CfnState, params: Params): unknown {
  const cs = state.requireChangeSet(
    stringParam(params, 'ChangeSetName'),
    stringParam(params, 'StackName'),
  );
  const now = state.now();
  const status = changeSetStatus(cs, now);
  const all =
    status !== 'CREATE_COMPLETE'
      ? []
      : boolParam(params, 'IncludePropertyValues')
        ? cs.changesWithValues
        : cs.changes;
  const [changes, next] = page(
    all,
    state.options.pageSize.changes,
    stringParam(params, 'NextToken'),
  );
  return {
    ChangeSetName: cs.name,
    ChangeSetId: cs.id,
    StackId: cs.stackId,
    StackName: cs.stackName,
    Description: cs.description,
    Parameters: Object.entries(cs.parameters).map(([k, v]) => ({
      ParameterKey: k,
      ParameterValue: v,
    })),
    CreationTime: cs.creationTime,
    ExecutionStatus: executionStatus(cs, now),
    Status: status,
    StatusReason: status === cs.finalStatus ? cs.statusReason : undefined,
    NotificationARNs: [],
    RollbackConfiguration: {},
    Capabilities: cs.capabilities,
    Tags: cs.tags.length > 0 ? cs.tags : undefined,
    Changes: changes,
    NextToken: next,
    IncludeNestedStacks: false,
    OnStackFailure: cs.onStackFailure,
    ImportExistingResources: false,
  };
}

export function listChangeSets(state: CfnState, params: Params): unknown {
  const stack = state.requireStack(stringParam(params, 'StackName'));
  const now = state.now();
  const summaries = state.changeSetsOf(stack).map((cs) => ({
    StackId: cs.stackId,
    StackName: cs.stackName,
    ChangeSetId: cs.id,
    ChangeSetName: cs.name,
    ExecutionStatus: executionStatus(cs, now),
    Status: changeSetStatus(cs, now),
    StatusReason: changeSetStatus(cs, now) === cs.finalStatus ? cs.statusReason : undefined,
    CreationTime: cs.creationTime,
    Description: cs.description,
    IncludeNestedStacks: false,
  }));
  const [items, next] = page(
    summaries,
    state.options.pageSize.changeSets,
    stringParam(params, 'NextToken'),
  );
  return { Summaries: items, NextToken: next };
}

export function deleteChangeSet(state: CfnState, params: Params): unknown {
  const cs = state.requireChangeSet(
    stringParam(params, 'ChangeSetName'),
    stringParam(params, 'StackName'),
  );
  if (cs.executionStatus === 'EXECUTE_IN_PROGRESS') {
    throw new AwsError(
      'InvalidChangeSetStatus',
      `Cannot delete ChangeSet [${cs.id}] while it is in EXECUTE_IN_PROGRESS state.`,
    );
  }
  state.changeSets.delete(cs.id);
  return {};
}

export function executeChangeSet(state: CfnState, params: Params): unknown {
  const cs = state.requireChangeSet(
    stringParam(params, 'ChangeSetName'),
    stringParam(params, 'StackName'),
  );
  const stack = state.requireStack(cs.stackId);
  const now = state.now();
  const status = changeSetStatus(cs, now);
  const execution = executionStatus(cs, now);
  if (status !== 'CREATE_COMPLETE') {
    throw new AwsError(
      'InvalidChangeSetStatus',
      `ChangeSet [${cs.id}] cannot be executed in its current status of [${status}]`,
    );
  }
  if (stack.status.endsWith('_IN_PROGRESS') && stack.status !== 'REVIEW_IN_PROGRESS') {
    throw validation(`Stack:${stack.stackId} is in ${stack.status} state and can not be updated.`);
  }
  if (execution !== 'AVAILABLE') {
    throw new AwsError(
      'InvalidChangeSetStatus',
      `ChangeSet [${cs.id}] cannot be executed in its current execution status of [${execution}]`,
    );
  }
  startExecution(state, stack, cs, {
    token: stringParam(params, 'ClientRequestToken'),
    disableRollback: boolParam(params, 'DisableRollback') ?? false,
    retainExceptOnCreate: boolParam(params, 'RetainExceptOnCreate') ?? false,
  });
  return {};
}
