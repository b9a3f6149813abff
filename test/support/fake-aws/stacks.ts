/** CloudFormation's stack actions: describe (stacks, events, resources), delete, templates. */
import { scheduleContinueRollback, scheduleDeletion } from './lifecycle.js';
import type { CfnState } from './state.js';
import { readTemplate, requiredCapability } from './template-model.js';
import type { StackRecord } from './types.js';
import { boolParam, page, stringParam, validation } from './wire.js';

type Params = Record<string, unknown>;

export function stackShape(stack: StackRecord): Record<string, unknown> {
  const parameters = Object.entries(stack.parameters).map(([k, v]) => ({
    ParameterKey: k,
    ParameterValue: v,
  }));
  return {
    StackId: stack.stackId,
    StackName: stack.name,
    ChangeSetId: stack.changeSetId,
    Description: stack.description,
    Parameters: parameters.length > 0 ? parameters : undefined,
    CreationTime: stack.creationTime,
    DeletionTime: stack.deletionTime,
    LastUpdatedTime: stack.lastUpdatedTime,
    RollbackConfiguration: {},
    StackStatus: stack.status,
    StackStatusReason: stack.statusReason,
    DisableRollback: stack.disableRollback,
    NotificationARNs: [],
    Capabilities: stack.capabilities.length > 0 ? stack.capabilities : undefined,
    Outputs: stack.outputs.length > 0 ? stack.outputs : undefined,
    Tags: stack.tags,
    EnableTerminationProtection: stack.terminationProtection,
    DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
  };
}

export function describeStacks(state: CfnState, params: Params): unknown {
  const name = stringParam(params, 'StackName');
  const stacks = name ? [state.requireStack(name)] : [...state.stacks.values()];
  const [items, next] = page(
    stacks,
    state.options.pageSize.stacks,
    stringParam(params, 'NextToken'),
  );
  const now = state.now();
  const shapes = items.map((s) =>
    s.staleView && now < s.staleView.until ? s.staleView.shape : stackShape(s),
  );
  return { Stacks: shapes, NextToken: next };
}

export function describeStackEvents(state: CfnState, params: Params): unknown {
  const stack = state.requireStack(stringParam(params, 'StackName'));
  const newestFirst = [...stack.events].reverse();
  const [items, next] = page(
    newestFirst,
    state.options.pageSize.events,
    stringParam(params, 'NextToken'),
  );
  return { StackEvents: items, NextToken: next };
}

export function describeStackResources(state: CfnState, params: Params): unknown {
  const stack = state.requireStack(stringParam(params, 'StackName'));
  const only = stringParam(params, 'LogicalResourceId');
  const resources = [...stack.resources.values()].filter((r) => !only || r.logicalId === only);
  return {
    StackResources: resources.map((r) => ({
      StackName: stack.name,
      StackId: stack.stackId,
      LogicalResourceId: r.logicalId,
      PhysicalResourceId: r.physicalId,
      ResourceType: r.type,
      Timestamp: r.timestamp,
      ResourceStatus: r.status,
      ResourceStatusReason: r.statusReason,
      DriftInformation: { StackResourceDriftStatus: 'NOT_CHECKED' },
    })),
  };
}

export function listStackResources(state: CfnState, params: Params): unknown {
  const stack = state.requireStack(stringParam(params, 'StackName'));
  const summaries = [...stack.resources.values()].map((r) => ({
    LogicalResourceId: r.logicalId,
    PhysicalResourceId: r.physicalId,
    ResourceType: r.type,
    LastUpdatedTimestamp: r.timestamp,
    ResourceStatus: r.status,
    ResourceStatusReason: r.statusReason,
    DriftInformation: { StackResourceDriftStatus: 'NOT_CHECKED' },
  }));
  const [items, next] = page(
    summaries,
    state.options.pageSize.resources,
    stringParam(params, 'NextToken'),
  );
  return { StackResourceSummaries: items, NextToken: next };
}

/** Deleting a stack that does not exist succeeds, as it does in AWS. */
export function deleteStack(state: CfnState, params: Params): unknown {
  const stack = state.findStack(stringParam(params, 'StackName') ?? '');
  if (!stack || stack.status === 'DELETE_COMPLETE' || stack.status === 'DELETE_IN_PROGRESS')
    return {};
  if (stack.terminationProtection) {
    throw validation(
      `Stack [${stack.name}] cannot be deleted while TerminationProtection is enabled`,
    );
  }
  if (stack.status.endsWith('_IN_PROGRESS') && stack.status !== 'REVIEW_IN_PROGRESS') {
    throw validation(`Stack [${stack.name}] cannot be deleted while in status ${stack.status}`);
  }
  scheduleDeletion(state, stack, stringParam(params, 'ClientRequestToken'), state.now());
  state.advance();
  return {};
}

export function updateTerminationProtection(state: CfnState, params: Params): unknown {
  const stack = state.requireStack(stringParam(params, 'StackName'));
  const enable = boolParam(params, 'EnableTerminationProtection');
  if (enable === undefined) {
    throw validation(
      "1 validation error detected: Value null at 'enableTerminationProtection' failed to satisfy constraint: Member must not be null",
    );
  }
  stack.terminationProtection = enable;
  return { StackId: stack.stackId };
}

export function getTemplate(state: CfnState, params: Params): unknown {
  const changeSetName = stringParam(params, 'ChangeSetName');
  if (changeSetName) {
    const cs = state.requireChangeSet(changeSetName, stringParam(params, 'StackName'));
    return { TemplateBody: cs.templateBody, StagesAvailable: ['Original', 'Processed'] };
  }
  const stack = state.requireStack(stringParam(params, 'StackName'));
  return { TemplateBody: stack.templateBody, StagesAvailable: ['Original', 'Processed'] };
}

export function getTemplateSummary(state: CfnState, params: Params): unknown {
  const body =
    stringParam(params, 'TemplateBody') ??
    state.requireStack(stringParam(params, 'StackName')).templateBody;
  const template = readTemplate(body);
  const capability = requiredCapability(template);
  const types = [...new Set(Object.values(template.Resources).map((r) => r.Type))];
  return {
    Parameters: Object.entries(template.Parameters ?? {}).map(([key, p]) => ({
      ParameterKey: key,
      DefaultValue: p.Default === undefined ? undefined : String(p.Default),
      ParameterType: p.Type,
      NoEcho: p.NoEcho === true,
      Description: p.Description,
      ParameterConstraints: p.AllowedValues ? { AllowedValues: p.AllowedValues.map(String) } : {},
    })),
    Description: template.Description,
    Capabilities: capability ? [capability] : undefined,
    CapabilitiesReason: capability
      ? `The following resource(s) require capabilities: [${types.filter((t) => t.startsWith('AWS::IAM::')).join(', ')}]`
      : undefined,
    ResourceTypes: types,
    Version: template.AWSTemplateFormatVersion,
    DeclaredTransforms: [],
  };
}

export function continueUpdateRollback(state: CfnState, params: Params): unknown {
  const stack = state.requireStack(stringParam(params, 'StackName'));
  if (stack.status !== 'UPDATE_ROLLBACK_FAILED') {
    throw validation(
      `Stack [${stack.name}] is in ${stack.status} state and can not continue rollback`,
    );
  }
  scheduleContinueRollback(state, stack, stringParam(params, 'ClientRequestToken'));
  return {};
}
