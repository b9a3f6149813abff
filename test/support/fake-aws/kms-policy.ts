/**
 * Whether a key's policy lets CloudWatch Logs use it, as KMS would decide for the log groups an
 * environment creates: an Allow statement for the service principal logs.{region}.amazonaws.com
 * with encrypt and data-key actions (seed 001's statement, or kms:*). Written independently of
 * the product's own check, so a bug there is not mirrored here.
 */
import type { Inventory } from './inventory.js';

interface Statement {
  Effect?: string;
  Principal?: { Service?: string | string[] } | string;
  Action?: string | string[];
}

const list = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

function covers(actions: string[], needed: string): boolean {
  return actions.some((a) => {
    const pattern = new RegExp(
      `^${a.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`,
      'i',
    );
    return pattern.test(needed);
  });
}

export function keyAllowsLogs(inventory: Inventory, keyArn: string): boolean {
  const key = inventory
    .ofType('AWS::KMS::Key')
    .find((k) => k.attributes['Arn'] === keyArn && !k.deleted);
  if (!key) return false;
  const raw = key.properties['KeyPolicy'];
  let policy: { Statement?: Statement | Statement[] };
  try {
    policy = (typeof raw === 'string' ? JSON.parse(raw) : (raw ?? {})) as typeof policy;
  } catch {
    return false;
  }
  const principal = `logs.${key.region}.amazonaws.com`;
  const statements = Array.isArray(policy.Statement)
    ? policy.Statement
    : policy.Statement
      ? [policy.Statement]
      : [];
  return statements.some((s) => {
    if (s.Effect !== 'Allow' || typeof s.Principal !== 'object') return false;
    if (!list(s.Principal.Service).includes(principal)) return false;
    const actions = list(s.Action);
    return covers(actions, 'kms:Encrypt') && covers(actions, 'kms:GenerateDataKey');
  });
}
