/**
 * CreateChangeSet: the synchronous checks CloudFormation makes (names, template size and format,
 * capabilities, parameters, Rules, the stack's state), then a change set whose changes are
 * computed at once but only shown once it is ready.
 */
import { computeChanges } from './changes.js';
import { identitiesOf } from './deployment.js';
import type { CfnState } from './state.js';
import {
  checkRules,
  effectiveParameters,
  evaluate,
  readTemplate,
  requiredCapability,
} from './template-model.js';
import type { GivenParameter } from './template-model.js';
import type { ChangeSetRecord, StackRecord, Tag } from './types.js';
import { AwsError, boolParam, listParam, stringParam, validation } from './wire.js';

type Params = Record<string, unknown>;

export const NO_CHANGES =
  "The submitted information didn't contain changes. Submit different information to create a change set.";
const MAX_TEMPLATE_BYTES = 51_200;
/** Statuses from which a stack can be updated. */
const UPDATABLE = new Set([
  'CREATE_COMPLETE',
  'UPDATE_COMPLETE',
  'UPDATE_ROLLBACK_COMPLETE',
  'IMPORT_COMPLETE',
  'IMPORT_ROLLBACK_COMPLETE',
  // Left by an operation with rollback disabled: an update resumes from the failure (User
  // Guide, "Choose how to handle failures when provisioning resources").
  'UPDATE_FAILED',
  'CREATE_FAILED',
]);

function checkName(field: string, value: string | undefined): string {
  const prefix = `1 validation error detected: Value '${value ?? 'null'}' at '${field}' failed to satisfy constraint: Member must`;
  if (!value) throw validation(`${prefix} not be null`);
  if (value.length > 128) throw validation(`${prefix} have length less than or equal to 128`);
  if (!/^[a-zA-Z][-a-zA-Z0-9]*$/.test(value))
    throw validation(`${prefix} satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*`);
  return value;
}

function templateBody(params: Params, stack: StackRecord | undefined): string {
  const body = stringParam(params, 'TemplateBody');
  if (body !== undefined) {
    if (Buffer.byteLength(body) > MAX_TEMPLATE_BYTES) {
      throw validation(
        `1 validation error detected: Value at 'templateBody' failed to satisfy constraint: Member must have length less than or equal to ${MAX_TEMPLATE_BYTES}`,
      );
    }
    return body;
  }
  if (boolParam(params, 'UsePreviousTemplate') && stack?.templateBody) return stack.templateBody;
  if (stringParam(params, 'TemplateURL'))
    throw validation('TemplateURL is not supported by the fake; use TemplateBody');
  throw validation('Either Template URL or Template Body must be specified.');
}

function newStack(state: CfnState, name: string, stackId: string): StackRecord {
  const at = new Date(state.now());
  const stack: StackRecord = {
    stackId,
    name,
    status: 'REVIEW_IN_PROGRESS',
    creationTime: at,
    terminationProtection: false,
    disableRollback: false,
    events: [],
    templateBody: '',
    parameters: {},
    outputs: [],
    resources: new Map(),
    tags: [],
    capabilities: [],
  };
  state.stacks.set(name, stack);
  state.stackEvent(stack, at, 'REVIEW_IN_PROGRESS', 'User Initiated', undefined);
  return stack;
}

/**
 * ResourceTypes, when given, must list every type of the template (AWS::*, Custom::* and
 * AWS::service::* wildcards allowed): "If the list of resource types doesn't include a resource
 * that you're creating, the stack creation fails" (CreateStack and CreateChangeSet API
 * reference, ResourceTypes). The real service's exact message is not documented.
 */
function checkResourceTypes(template: ReturnType<typeof readTemplate>, given: string[]): void {
  if (given.length === 0) return;
  const covers = (pattern: string, type: string) =>
    pattern.endsWith('::*') ? type.startsWith(pattern.slice(0, -1)) : pattern === type;
  const missing = Object.values(template.Resources ?? {})
    .map((r) => r.Type)
    .filter((type) => !given.some((pattern) => covers(pattern, type)));
  if (missing.length > 0) {
    throw validation(
      `Template resource types [${[...new Set(missing)].join(', ')}] are not in the ResourceTypes of the request`,
    );
  }
}

export function createChangeSet(state: CfnState, params: Params): unknown {
  const stackName = checkName('stackName', stringParam(params, 'StackName'));
  const name = checkName('changeSetName', stringParam(params, 'ChangeSetName'));
  const type = stringParam(params, 'ChangeSetType') ?? 'UPDATE';
  if (type !== 'CREATE' && type !== 'UPDATE')
    throw validation(`ChangeSetType ${type} is not supported by the fake`);
  let stack = state.findStack(stackName);
  // ClientToken: "Specify this token if you plan to retry requests so that CloudFormation knows
  // that you're not attempting to create another change set with the same name" (API reference,
  // CreateChangeSet). A retry with the same token answers with the change set already made.
  const clientToken = stringParam(params, 'ClientToken');
  const same = stack && state.changeSetsOf(stack).find((c) => c.name === name);
  if (same && clientToken !== undefined && same.clientToken === clientToken) {
    return { Id: same.id, StackId: same.stackId };
  }
  if (type === 'CREATE' && stack && stack.status !== 'REVIEW_IN_PROGRESS') {
    throw validation(
      `Stack [${stackName}] already exists and cannot be created again with the changeSet [${name}].`,
    );
  }
  if (type === 'UPDATE' && !stack) throw validation(`Stack [${stackName}] does not exist`);
  if (type === 'UPDATE' && !UPDATABLE.has(stack!.status)) {
    throw validation(
      `Stack:${stack!.stackId} is in ${stack!.status} state and can not be updated.`,
    );
  }
  if (stack && state.changeSetsOf(stack).some((c) => c.name === name)) {
    throw new AwsError('AlreadyExistsException', `ChangeSet [${name}] already exists`);
  }
  const body = templateBody(params, stack);
  const template = readTemplate(body);
  checkResourceTypes(template, listParam<string>(params, 'ResourceTypes'));
  const capabilities = listParam<string>(params, 'Capabilities');
  const needed = requiredCapability(template);
  if (needed && !capabilities.includes(needed) && !capabilities.includes('CAPABILITY_NAMED_IAM')) {
    throw new AwsError('InsufficientCapabilitiesException', `Requires capabilities : [${needed}]`);
  }
  // A template with a Transform (a macro, e.g. AWS::LanguageExtensions) is refused without
  // CAPABILITY_AUTO_EXPAND, as users report for change sets. The API reference says the
  // capability has no effect on change sets: not confirmed which holds for every transform,
  // and asking for it is harmless either way. The fake does not expand the transform.
  if (template.Transform !== undefined && !capabilities.includes('CAPABILITY_AUTO_EXPAND')) {
    throw new AwsError(
      'InsufficientCapabilitiesException',
      'Requires capabilities : [CAPABILITY_AUTO_EXPAND]',
    );
  }
  const given = listParam<GivenParameter>(params, 'Parameters');
  const values = effectiveParameters(
    template,
    given,
    type === 'UPDATE' ? stack!.parameters : undefined,
  );
  const stackId = stack?.stackId ?? state.arn('stack', stackName);
  const pseudo = state.pseudo({ name: stackName, stackId });
  checkRules(template, values, pseudo);
  // Tags absent: the stack's tags stay as they are; Tags given empty (`Tags=` on the wire):
  // every tag is removed (API reference, UpdateStack: "If you don't specify this parameter,
  // CloudFormation doesn't modify the stack's tags. If you specify an empty value,
  // CloudFormation removes all associated tags." Assumed the same for change sets.)
  const tagsGiven = params.Tags !== undefined;
  const tags = listParam<Tag>(params, 'Tags');
  let computed;
  let outputs;
  try {
    const deployed = type === 'UPDATE' ? stack! : { parameters: {}, resources: new Map() };
    computed = computeChanges(template, values, pseudo, deployed);
    outputs = evaluate(template, values, pseudo, stack ? identitiesOf(stack) : new Map()).outputs;
  } catch (error) {
    if (error instanceof AwsError) throw error;
    throw validation(`Template error: ${error instanceof Error ? error.message : String(error)}`);
  }
  // A CREATE change set makes the stack (REVIEW_IN_PROGRESS) only once the request is valid.
  stack ??= newStack(state, stackName, stackId);
  // Nothing to do only when resources, outputs, parameter values and tags are all as deployed:
  // a change set with an empty Changes list but new outputs, values or tags is executable.
  // (Parameter values: not confirmed from a reference; UpdateStack accepts such an update.)
  const noChanges =
    type === 'UPDATE' &&
    computed.changes.length === 0 &&
    JSON.stringify(values) === JSON.stringify(stack.parameters) &&
    JSON.stringify(outputs) === JSON.stringify(stack.outputs) &&
    (!tagsGiven || JSON.stringify(tags) === JSON.stringify(stack.tags));
  const failure = state.takeChangeSetFailure(stackName);
  const now = state.now();
  const ready = state.options.changeSetReadyMs;
  const cs: ChangeSetRecord = {
    id: state.arn('changeSet', name),
    name,
    stackId: stack.stackId,
    stackName,
    type,
    creationTime: new Date(now),
    pendingUntil: now + ready / 2,
    readyAt: now + ready,
    finalStatus: failure || noChanges ? 'FAILED' : 'CREATE_COMPLETE',
    statusReason: failure?.reason ?? (noChanges ? NO_CHANGES : undefined),
    executionStatus: failure || noChanges ? 'UNAVAILABLE' : 'AVAILABLE',
    templateBody: body,
    template,
    parameters: values,
    capabilities,
    tags,
    tagsGiven,
    description: stringParam(params, 'Description'),
    onStackFailure: stringParam(params, 'OnStackFailure'),
    clientToken,
    changes: computed.changes,
    changesWithValues: computed.changesWithValues,
    replaced: [...computed.replaced],
  };
  state.changeSets.set(cs.id, cs);
  return { Id: cs.id, StackId: stack.stackId };
}
