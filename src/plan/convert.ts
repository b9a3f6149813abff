import type { Change } from '@aws-sdk/client-cloudformation';
import type { ParameterSpec } from '../stacks/types.js';
import type { ActiveResource } from '../templates/index.js';
import type { ParameterChange, PropertyChange, ResourceChange } from './model.js';

function parseContext(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A CloudFormation change as the plan model holds it. */
export function toResourceChange(change: Change): ResourceChange | undefined {
  const rc = change.ResourceChange;
  if (change.Type !== 'Resource' || !rc?.LogicalResourceId) return undefined;
  const details: PropertyChange[] = (rc.Details ?? []).map((d) => ({
    attribute: d.Target?.Attribute ?? 'Properties',
    name: d.Target?.Name,
    path: d.Target?.Path,
    requiresRecreation: d.Target?.RequiresRecreation,
    before: d.Target?.BeforeValue,
    after: d.Target?.AfterValue,
    evaluation: d.Evaluation,
    changeSource: d.ChangeSource,
    causingEntity: d.CausingEntity,
  }));
  return {
    action: (rc.Action ?? 'Dynamic') as ResourceChange['action'],
    logicalId: rc.LogicalResourceId,
    physicalId: rc.PhysicalResourceId,
    type: rc.ResourceType ?? 'Unknown',
    replacement: rc.Replacement as ResourceChange['replacement'],
    scope: rc.Scope ?? [],
    details,
    before: parseContext(rc.BeforeContext),
    after: parseContext(rc.AfterContext),
  };
}

/** Every resource of a template as an addition: the plan of a stack that cannot be planned yet. */
export function additionsFrom(resources: readonly ActiveResource[]): ResourceChange[] {
  return resources.map((r) => ({
    action: 'Add',
    logicalId: r.logicalId,
    type: r.type,
    scope: [],
    details: [],
  }));
}

/**
 * Parameter changes: the deployed values against the planned ones. NoEcho values come back
 * from CloudFormation as '****' and are kept that way.
 */
export function parameterChanges(
  planned: readonly ParameterSpec[],
  deployed: readonly { ParameterKey?: string; ParameterValue?: string }[] | undefined,
): ParameterChange[] {
  const before = new Map((deployed ?? []).map((p) => [p.ParameterKey ?? '', p.ParameterValue]));
  return planned.map((p) => ({
    key: p.key,
    before: before.get(p.key),
    after: p.value,
    ...(p.knownAfterDeploy ? { knownAfterDeploy: p.knownAfterDeploy } : {}),
  }));
}
