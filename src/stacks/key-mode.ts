import type { Settings } from '../settings/types.js';
import { partitionOf } from '../templates/index.js';

/** The prerequisite template's KeyMode parameter values. */
export type TemplateKeyMode = 'aws-owned' | 'customer-managed-new' | 'customer-managed-existing';

/** Maps the user's key settings to the template's KeyMode. */
export function templateKeyMode(settings: Pick<Settings, 'keyMode' | 'kmsKey'>): TemplateKeyMode {
  if (settings.keyMode === 'aws-owned') return 'aws-owned';
  return settings.kmsKey.source === 'existing'
    ? 'customer-managed-existing'
    : 'customer-managed-new';
}

/**
 * The ARN of an existing key. A bare key ID means the deployment account (MWAA's rule: a key
 * in another account must be given by ARN), so the ARN can only be built once the account is
 * known; until then this returns undefined.
 */
export function existingKeyArn(
  settings: Settings,
  accountId: string | undefined,
): string | undefined {
  const key = settings.kmsKey;
  if (key.source !== 'existing') return undefined;
  if (key.arn) return key.arn;
  if (!accountId) return undefined;
  return `arn:${partitionOf(settings.region)}:kms:${settings.region}:${accountId}:key/${key.keyId}`;
}
