/**
 * What a stack becomes once a template is deployed: a physical identity for every resource
 * (kept for resources updated in place, new for created or replaced ones), the properties
 * resolved with those identities, and the outputs.
 */
import type { CfnTemplate, PseudoParameters } from '../../../src/templates/index.js';
import { newIdentity } from './physical-ids.js';
import type { IdContext, Identity } from './physical-ids.js';
import { evaluate, waves } from './template-model.js';
import type { Evaluated } from './template-model.js';
import type { ResourceRecord, StackContent, StackRecord } from './types.js';

export interface Target {
  readonly evaluated: Evaluated;
  readonly identities: Map<string, Identity>;
}

/**
 * Identities are made in dependency order, so that a name or ID derived from another resource
 * (a route's table, an attachment's VPC) uses that resource's real ID.
 */
export function buildTarget(
  template: CfnTemplate,
  parameters: Record<string, string>,
  pseudo: PseudoParameters,
  keep: ReadonlyMap<string, Identity>,
  ids: IdContext,
): Target {
  const identities = new Map(keep);
  const first = evaluate(template, parameters, pseudo, identities);
  for (const wave of waves(first.resources, () => true)) {
    const current = evaluate(template, parameters, pseudo, identities);
    for (const id of wave) {
      if (identities.has(id)) continue;
      const resource = current.resources.find((r) => r.logicalId === id)!;
      identities.set(id, newIdentity(resource.type, resource.properties, ids, id));
    }
  }
  return { evaluated: evaluate(template, parameters, pseudo, identities), identities };
}

/** Identities of the stack's resources, except the listed ones. */
export function identitiesOf(
  stack: { readonly resources: ReadonlyMap<string, ResourceRecord> },
  except: ReadonlySet<string> = new Set(),
): Map<string, Identity> {
  const result = new Map<string, Identity>();
  for (const [id, r] of stack.resources) {
    if (r.physicalId && !except.has(id))
      result.set(id, { physicalId: r.physicalId, attributes: r.attributes });
  }
  return result;
}

/** Makes the target the stack's content; resource statuses stay what their events made them. */
export function install(
  stack: StackRecord,
  target: Target,
  content: { templateBody: string; template: CfnTemplate; parameters: Record<string, string> },
  at: Date,
  defaultStatus = 'CREATE_COMPLETE',
): void {
  const resources = new Map<string, ResourceRecord>();
  for (const r of target.evaluated.resources) {
    const identity = target.identities.get(r.logicalId)!;
    const existing = stack.resources.get(r.logicalId);
    resources.set(r.logicalId, {
      logicalId: r.logicalId,
      type: r.type,
      physicalId: identity.physicalId,
      status: existing?.status ?? defaultStatus,
      statusReason: existing?.statusReason,
      timestamp: existing?.timestamp ?? at,
      properties: r.properties,
      attributes: identity.attributes,
    });
  }
  stack.resources = resources;
  stack.templateBody = content.templateBody;
  stack.template = content.template;
  stack.parameters = content.parameters;
  stack.outputs = target.evaluated.outputs;
}

/** Puts the content from before an update back; rolled-back resources show UPDATE_COMPLETE. */
export function restore(
  stack: StackRecord,
  before: StackContent,
  rolledBack: readonly string[],
  at: Date,
): void {
  Object.assign(stack, snapshot(before));
  for (const id of rolledBack) {
    const r = stack.resources.get(id);
    if (r) Object.assign(r, { status: 'UPDATE_COMPLETE', statusReason: undefined, timestamp: at });
  }
  stack.previous = undefined;
}

/** Copies what a rollback restores. */
export function snapshot(stack: StackContent): StackContent {
  const resources = new Map<string, ResourceRecord>();
  for (const [id, r] of stack.resources)
    resources.set(id, { ...r, properties: { ...r.properties }, attributes: { ...r.attributes } });
  return {
    templateBody: stack.templateBody,
    template: stack.template,
    parameters: { ...stack.parameters },
    outputs: [...stack.outputs],
    resources,
    tags: [...stack.tags],
    capabilities: [...stack.capabilities],
  };
}
