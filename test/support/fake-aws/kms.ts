/**
 * KMS's key reads (awsJson1_1, `X-Amz-Target: TrentService.<Action>`): DescribeKey,
 * GetKeyPolicy and GetKeyRotationStatus, answered from the keys the stacks made (a key its stack
 * deleted stays PendingDeletion, as in KMS) and those a test seeded. A key is found by ID, ARN,
 * alias name or alias ARN (aliases from AWS::KMS::Alias resources).
 */
import { flag, text } from './inventory.js';
import type { Inventory, LiveResource } from './inventory.js';
import { notImplemented } from './protocols.js';
import { AwsError } from './wire.js';

type Params = Record<string, unknown>;
const DAY_MS = 24 * 60 * 60 * 1000;

function notFound(message: string): AwsError {
  return new AwsError('NotFoundException', message);
}

export function keyIdParam(params: Params): string {
  const keyId = params['KeyId'];
  if (typeof keyId === 'string' && keyId !== '') return keyId;
  throw new AwsError(
    'ValidationException',
    "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null",
  );
}

export function requireKey(inv: Inventory, keyId: string): LiveResource {
  const keys = inv.ofType('AWS::KMS::Key');
  const live = (list: LiveResource[]): LiveResource | undefined =>
    list.find((k) => !k.deleted) ?? list[0];
  const alias = /^(?:arn:[^:]+:kms:[^:]*:\d*:)?(alias\/.+)$/.exec(keyId)?.[1];
  if (alias) {
    const target = inv.find('AWS::KMS::Alias', alias)?.properties['TargetKeyId'];
    if (target === undefined) throw notFound(`Alias ${keyId} is not found.`);
    return requireKey(inv, text(target));
  }
  const { accountId } = inv.account;
  const key = keyId.startsWith('arn:')
    ? live(keys.filter((k) => k.attributes['Arn'] === keyId))
    : live(keys.filter((k) => k.physicalId === keyId && k.accountId === accountId));
  if (!key) {
    const arn = keyId.startsWith('arn:')
      ? keyId
      : `arn:aws:kms:${inv.account.region}:${accountId}:key/${keyId}`;
    throw notFound(`Key '${arn}' does not exist`);
  }
  return key;
}

/** KeyState: a seeded state, PendingDeletion once its stack deleted it, or from `Enabled`. */
function keyState(key: LiveResource): string {
  const seeded = text(key.properties['KeyState']);
  if (seeded) return seeded;
  if (key.deleted) return 'PendingDeletion';
  return flag(key.properties['Enabled'], true) ? 'Enabled' : 'Disabled';
}

function describeKey(inv: Inventory, params: Params): unknown {
  const key = requireKey(inv, keyIdParam(params));
  const p = key.properties;
  const state = keyState(key);
  const spec = text(p['KeySpec']) || 'SYMMETRIC_DEFAULT';
  const usage = text(p['KeyUsage']) || 'ENCRYPT_DECRYPT';
  const multiRegion = flag(p['MultiRegion'], false);
  const window = Number(p['PendingWindowInDays'] ?? 30);
  const arn = key.attributes['Arn'];
  return {
    KeyMetadata: {
      AWSAccountId: key.accountId,
      KeyId: key.physicalId,
      Arn: arn,
      CreationDate: key.created.getTime() / 1000,
      Enabled: state === 'Enabled',
      Description: text(p['Description']),
      KeyUsage: usage,
      KeyState: state,
      DeletionDate:
        state === 'PendingDeletion' ? (key.created.getTime() + window * DAY_MS) / 1000 : undefined,
      PendingDeletionWindowInDays: state === 'PendingDeletion' ? window : undefined,
      Origin: text(p['Origin']) || 'AWS_KMS',
      KeyManager: text(p['KeyManager']) || 'CUSTOMER',
      CustomerMasterKeySpec: spec,
      KeySpec: spec,
      EncryptionAlgorithms:
        spec === 'SYMMETRIC_DEFAULT' && usage === 'ENCRYPT_DECRYPT'
          ? ['SYMMETRIC_DEFAULT']
          : undefined,
      MultiRegion: multiRegion,
      MultiRegionConfiguration: multiRegion
        ? {
            MultiRegionKeyType: 'PRIMARY',
            PrimaryKey: { Arn: arn, Region: key.region },
            ReplicaKeys: [],
          }
        : undefined,
    },
  };
}

/** The policy KMS gives a key created without one: the account may use IAM policies for it. */
function defaultPolicy(accountId: string): Record<string, unknown> {
  return {
    Version: '2012-10-17',
    Id: 'key-default-1',
    Statement: [
      {
        Sid: 'Enable IAM User Permissions',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${accountId}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
    ],
  };
}

function getKeyPolicy(inv: Inventory, params: Params): unknown {
  const key = requireKey(inv, keyIdParam(params));
  const name = params['PolicyName'] ?? 'default';
  if (name !== 'default') throw notFound(`No such policy exists: ${text(name)}`);
  const policy = key.properties['KeyPolicy'] ?? defaultPolicy(key.accountId);
  return {
    Policy: typeof policy === 'string' ? policy : JSON.stringify(policy, null, 2),
    PolicyName: 'default',
  };
}

function getKeyRotationStatus(inv: Inventory, params: Params): unknown {
  const key = requireKey(inv, keyIdParam(params));
  return {
    KeyId: key.attributes['Arn'],
    KeyRotationEnabled: flag(key.properties['EnableKeyRotation'], false),
  };
}

const ACTIONS: Readonly<Record<string, (inv: Inventory, params: Params) => unknown>> = {
  DescribeKey: describeKey,
  GetKeyPolicy: getKeyPolicy,
  GetKeyRotationStatus: getKeyRotationStatus,
};

export function handleKms(inv: Inventory, action: string, params: Params): unknown {
  const handler = ACTIONS[action];
  if (!handler) throw notImplemented('KMS', action, 'UnknownOperationException');
  return handler(inv, params);
}
