/**
 * KMS grants (awsJson1_1): CreateGrant, ListGrants (paginated: Limit 1..100, default 50,
 * Marker/NextMarker/Truncated), RetireGrant (by GrantToken, or KeyId + GrantId) and RevokeGrant,
 * after the KMS API reference. MWAA attaches its four grants through `attachMwaaGrants` (seed 001).
 */
import { randomBytes } from 'node:crypto';
import type { Inventory } from './inventory.js';
import { keyIdParam, requireKey } from './kms.js';
import { AwsError } from './wire.js';

type Params = Record<string, unknown>;

export interface GrantRecord {
  readonly KeyId: string;
  readonly GrantId: string;
  readonly Name?: string;
  readonly CreationDate: number;
  readonly GranteePrincipal: string;
  readonly RetiringPrincipal?: string;
  readonly IssuingAccount: string;
  readonly Operations: string[];
  readonly token: string;
}

/** Seed 001's four grants, names trimmed (the seed prints the third with a stray leading space). */
export const MWAA_GRANTS: readonly {
  readonly name: string;
  readonly operations: readonly string[];
}[] = [
  {
    name: 'mwaa-grant-for-env-mgmt-role-{env}',
    operations: [
      'Encrypt',
      'Decrypt',
      'ReEncryptFrom',
      'ReEncryptTo',
      'GenerateDataKey',
      'GenerateDataKeyWithoutPlaintext',
      'CreateGrant',
      'DescribeKey',
      'RetireGrant',
    ],
  },
  {
    name: 'mwaa-grant-for-lambda-exec-{env}',
    operations: [
      'Encrypt',
      'Decrypt',
      'ReEncryptFrom',
      'ReEncryptTo',
      'GenerateDataKey',
      'GenerateDataKeyWithoutPlaintext',
      'DescribeKey',
      'RetireGrant',
    ],
  },
  {
    name: 'mwaa-grant-for-cfn-mgmt-{env}',
    operations: [
      'Encrypt',
      'Decrypt',
      'ReEncryptFrom',
      'ReEncryptTo',
      'GenerateDataKey',
      'GenerateDataKeyWithoutPlaintext',
      'DescribeKey',
    ],
  },
  {
    name: 'mwaa-fargate-access-for-{env}',
    operations: [
      'Encrypt',
      'Decrypt',
      'ReEncryptFrom',
      'ReEncryptTo',
      'GenerateDataKey',
      'GenerateDataKeyWithoutPlaintext',
      'DescribeKey',
      'RetireGrant',
    ],
  },
];

export class KmsGrants {
  readonly grants: GrantRecord[] = [];

  constructor(
    private readonly inventory: Inventory,
    private readonly now: () => number,
  ) {}

  private keyArn(keyId: string): string {
    return requireKey(this.inventory, keyId).attributes['Arn'] ?? keyId;
  }

  add(
    keyArn: string,
    grant: Omit<GrantRecord, 'KeyId' | 'GrantId' | 'token' | 'CreationDate' | 'IssuingAccount'>,
  ): GrantRecord {
    const record: GrantRecord = {
      ...grant,
      KeyId: keyArn,
      GrantId: randomBytes(32).toString('hex'),
      CreationDate: this.now() / 1000,
      IssuingAccount: `arn:aws:iam::${this.inventory.account.accountId}:root`,
      token: randomBytes(48).toString('base64url'),
    };
    this.grants.push(record);
    return record;
  }

  /** The four grants MWAA creates with a customer managed key, grantee and retiring principal airflow.{region}. */
  attachMwaaGrants(keyArn: string, environment: string, region: string): void {
    const principal = `airflow.${region}.amazonaws.com`;
    for (const g of MWAA_GRANTS) {
      const name = g.name.replace('{env}', environment);
      if (this.grants.some((x) => x.KeyId === keyArn && x.Name === name)) continue;
      this.add(keyArn, {
        Name: name,
        GranteePrincipal: principal,
        RetiringPrincipal: principal,
        Operations: [...g.operations],
      });
    }
  }

  /** MWAA retires its grants when the environment is deleted. */
  retireMwaaGrants(keyArn: string, environment: string): void {
    const names = new Set(MWAA_GRANTS.map((g) => g.name.replace('{env}', environment)));
    this.remove((g) => g.KeyId === keyArn && names.has(g.Name ?? ''));
  }

  /** Removes grants by hand (a test's "someone revoked it"); returns how many. */
  remove(match: (g: GrantRecord) => boolean): number {
    let removed = 0;
    for (let i = this.grants.length - 1; i >= 0; i--) {
      if (match(this.grants[i]!)) {
        this.grants.splice(i, 1);
        removed++;
      }
    }
    return removed;
  }

  handle(action: string, params: Params): unknown {
    switch (action) {
      case 'CreateGrant': {
        const keyArn = this.keyArn(keyIdParam(params));
        const grant = this.add(keyArn, {
          Name: typeof params['Name'] === 'string' ? params['Name'] : undefined,
          GranteePrincipal: String(params['GranteePrincipal'] ?? ''),
          RetiringPrincipal:
            typeof params['RetiringPrincipal'] === 'string'
              ? params['RetiringPrincipal']
              : undefined,
          Operations: (params['Operations'] as string[] | undefined) ?? [],
        });
        return { GrantId: grant.GrantId, GrantToken: grant.token };
      }
      case 'ListGrants': {
        const keyArn = this.keyArn(keyIdParam(params));
        const limit = Number(params['Limit'] ?? 50);
        if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
          throw new AwsError(
            'ValidationException',
            `1 validation error detected: Value '${String(params['Limit'])}' at 'limit' failed to satisfy constraint: Member must have value between 1 and 100`,
          );
        }
        const all = this.grants.filter(
          (g) =>
            g.KeyId === keyArn &&
            (params['GrantId'] === undefined || g.GrantId === params['GrantId']),
        );
        const start = params['Marker'] === undefined ? 0 : Number(params['Marker']);
        if (!Number.isInteger(start) || start < 0 || start > all.length)
          throw new AwsError('InvalidMarkerException', 'Invalid marker');
        const page = all.slice(start, start + limit).map(({ token: _token, ...g }) => g);
        const more = start + limit < all.length;
        return {
          Grants: page,
          Truncated: more,
          ...(more ? { NextMarker: String(start + limit) } : {}),
        };
      }
      case 'RetireGrant':
      case 'RevokeGrant': {
        const token = params['GrantToken'];
        const removed =
          typeof token === 'string'
            ? this.remove((g) => g.token === token)
            : this.remove(
                (g) =>
                  g.KeyId === this.keyArn(keyIdParam(params)) && g.GrantId === params['GrantId'],
              );
        if (removed === 0) throw new AwsError('NotFoundException', 'Grant not found');
        return {};
      }
      default:
        return undefined;
    }
  }
}
