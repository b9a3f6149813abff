/**
 * A change set's changes, computed as CloudFormation does: the new template's resources,
 * resolved for the new parameters, against the deployed stack's resolved resources (Add,
 * Modify, Remove), with a replacement propagating to the resources that refer to the replaced
 * one.
 */
import type { CfnTemplate, PseudoParameters } from '../../../src/templates/index.js';
import { identitiesOf } from './deployment.js';
import { isRetained } from './retain.js';
import { context, modify } from './resource-diff.js';
import type { Deployed } from './resource-diff.js';
import { evaluate } from './template-model.js';
import type { Change } from './types.js';
import { validation } from './wire.js';

export type { Deployed } from './resource-diff.js';

export interface ComputedChanges {
  readonly changes: Change[];
  readonly changesWithValues: Change[];
  /** Resources that get a new physical resource (Replacement True or Conditional). */
  readonly replaced: Set<string>;
}

function diff(
  template: CfnTemplate,
  parameters: Readonly<Record<string, string>>,
  pseudo: PseudoParameters,
  deployed: Deployed,
  replaced: ReadonlySet<string>,
): ComputedChanges {
  const identities = identitiesOf(deployed, replaced);
  const { resources } = evaluate(template, parameters, pseudo, identities);
  const result: ComputedChanges = { changes: [], changesWithValues: [], replaced: new Set() };
  const push = (plain: Record<string, unknown>, valued: Record<string, unknown>): void => {
    result.changes.push({ Type: 'Resource', ResourceChange: plain });
    result.changesWithValues.push({ Type: 'Resource', ResourceChange: valued });
  };
  for (const next of resources) {
    const old = deployed.resources.get(next.logicalId);
    if (!old) {
      const add = {
        Action: 'Add',
        LogicalResourceId: next.logicalId,
        ResourceType: next.type,
        Scope: [],
        Details: [],
      };
      push(add, { ...add, AfterContext: context(next.properties, next.definition) });
      continue;
    }
    if (old.type !== next.type) {
      throw validation(
        `Update of resource type is not permitted. The new template modifies resource type of the following resources: [${next.logicalId}]`,
      );
    }
    const change = modify(next, old, deployed, { template, parameters, replaced });
    if (!change) continue;
    push(change[0].ResourceChange, change[1].ResourceChange);
    if (change[0].ResourceChange.Replacement !== 'False') result.replaced.add(next.logicalId);
  }
  const kept = new Set(resources.map((r) => r.logicalId));
  for (const [id, old] of deployed.resources) {
    if (kept.has(id)) continue;
    const definition: { DeletionPolicy?: string; UpdateReplacePolicy?: string } =
      deployed.template?.Resources[id] ?? {};
    const remove = {
      Action: 'Remove',
      LogicalResourceId: id,
      PhysicalResourceId: old.physicalId,
      ResourceType: old.type,
      PolicyAction: isRetained(definition.DeletionPolicy) ? 'Retain' : 'Delete',
      Scope: [],
      Details: [],
    };
    push(remove, { ...remove, BeforeContext: context(old.properties, definition) });
  }
  return result;
}

/**
 * The changes of a change set. Replacing a resource changes every `Ref`/`GetAtt` of it, so the
 * diff is repeated with replaced resources unresolved until no new replacement appears.
 */
export function computeChanges(
  template: CfnTemplate,
  parameters: Readonly<Record<string, string>>,
  pseudo: PseudoParameters,
  deployed: Deployed,
): ComputedChanges {
  let replaced = new Set<string>();
  for (;;) {
    const result = diff(template, parameters, pseudo, deployed, replaced);
    if ([...result.replaced].every((id) => replaced.has(id))) return result;
    replaced = new Set([...replaced, ...result.replaced]);
  }
}
