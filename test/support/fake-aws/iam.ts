/**
 * IAM's role reads (awsQuery, like CloudFormation): GetRole answered from the roles the stacks
 * made, the trust policy URL-encoded as IAM returns it, and the inline policies of the role's
 * Policies property (ListRolePolicies, GetRolePolicy).
 */
import { text } from './inventory.js';
import type { Inventory, LiveResource } from './inventory.js';
import { notImplemented } from './protocols.js';
import { AwsError, stringParam } from './wire.js';

type Params = Record<string, unknown>;

/** A policy document as IAM returns it: JSON, URL-encoded. */
function encodedPolicy(document: unknown): string {
  const json = typeof document === 'string' ? document : JSON.stringify(document ?? {});
  return encodeURIComponent(json);
}

function requireRole(inv: Inventory, params: Params): LiveResource {
  const name = stringParam(params, 'RoleName');
  if (!name) {
    throw new AwsError(
      'ValidationError',
      "1 validation error detected: Value null at 'roleName' failed to satisfy constraint: Member must not be null",
    );
  }
  const role = inv.find('AWS::IAM::Role', name);
  if (!role) throw new AwsError('NoSuchEntity', `The role with name ${name} cannot be found.`, 404);
  return role;
}

function inlinePolicies(role: LiveResource): Record<string, unknown>[] {
  const policies = role.properties['Policies'];
  return Array.isArray(policies)
    ? policies.filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null)
    : [];
}

function getRole(inv: Inventory, params: Params): unknown {
  const role = requireRole(inv, params);
  const p = role.properties;
  const tags = role.tags.filter((t) => !t.Key.startsWith('aws:'));
  const boundary = text(p['PermissionsBoundary']);
  return {
    Role: {
      Path: text(p['Path']) || '/',
      RoleName: role.physicalId,
      RoleId: role.attributes['RoleId'],
      Arn: role.attributes['Arn'],
      CreateDate: role.created,
      AssumeRolePolicyDocument: encodedPolicy(p['AssumeRolePolicyDocument']),
      Description: text(p['Description']) || undefined,
      MaxSessionDuration: Number(p['MaxSessionDuration'] ?? 3600),
      PermissionsBoundary: boundary
        ? { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: boundary }
        : undefined,
      Tags: tags.length > 0 ? tags : undefined,
      RoleLastUsed: {},
    },
  };
}

function listRolePolicies(inv: Inventory, params: Params): unknown {
  const names = inlinePolicies(requireRole(inv, params)).map((p) => text(p['PolicyName']));
  return { PolicyNames: names, IsTruncated: false };
}

function getRolePolicy(inv: Inventory, params: Params): unknown {
  const role = requireRole(inv, params);
  const name = stringParam(params, 'PolicyName') ?? '';
  const policy = inlinePolicies(role).find((p) => text(p['PolicyName']) === name);
  if (!policy) {
    throw new AwsError('NoSuchEntity', `The role policy with name ${name} cannot be found.`, 404);
  }
  return {
    RoleName: role.physicalId,
    PolicyName: name,
    PolicyDocument: encodedPolicy(policy['PolicyDocument']),
  };
}

const ACTIONS: Readonly<Record<string, (inv: Inventory, params: Params) => unknown>> = {
  GetRole: getRole,
  ListRolePolicies: listRolePolicies,
  GetRolePolicy: getRolePolicy,
};

export function handleIam(inv: Inventory, action: string, params: Params): unknown {
  const handler = ACTIONS[action];
  if (!handler) throw notImplemented('IAM', action);
  return handler(inv, params);
}
