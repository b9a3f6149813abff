/**
 * The `kms-key` input. MWAA's KMS support table (seed 001) reads: key ID or ARN yes, alias no,
 * multi-Region key no. The API accepts `alias/...` and the environment fails much later, so
 * every unsupported form is rejected here, before any AWS call.
 */
import { knownPartitionOf } from './names.js';
import { fail, ok, quote } from './problems.js';
import type { Parsed } from './problems.js';
import type { KeyMode, KmsKeySetting } from './types.js';

/** What the key is checked against; a field is undefined when its own input was invalid. */
export interface KmsKeyContext {
  readonly keyMode: KeyMode | undefined;
  /** The deployment Region. */
  readonly region: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KEY_ARN = /^arn:(aws[a-z-]*):kms:([a-z0-9-]+):(\d{12}):key\/(.+)$/;
const ALIAS_ARN = /^arn:[^:]*:kms:[^:]*:[^:]*:alias\//;
const MRK_ARN = /^arn:[^:]*:kms:[^:]*:[^:]*:key\/mrk-/;

const SUPPORT_TABLE =
  'not supported by MWAA (its KMS support table: key ID or ARN yes, alias no, multi-Region key no)';
const EXPECTED =
  'expected a key ID like 1234abcd-12ab-34cd-56ef-1234567890ab or a key ARN like arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/**
 * Reads `kms-key` in the light of `key-mode` and the deployment Region:
 * - empty: `create` (the stack creates a key) in customer-managed mode, `none` in AWS-owned mode;
 * - a key ARN `arn:<partition>:kms:<region>:<account>:key/<uuid>` in the deployment Region:
 *   `existing` with `keyId`, `arn` and `accountId`;
 * - a bare key ID (UUID): `existing` with `keyId` only. A bare ID always means a key in the
 *   deployment account (the one the credentials resolve to); a key in another account can only
 *   be given by its ARN, and nothing in an ID tells the two apart;
 * - an alias (`alias/...` or an alias ARN), a multi-Region key (`mrk-...`), a key ARN in another
 *   Region, or anything else: rejected, saying which form to give instead;
 * - any key while `key-mode` is `aws-owned`: rejected, as the two contradict each other.
 */
export function parseKmsKey(value: string, context: KmsKeyContext): Parsed<KmsKeySetting> {
  if (value === '') {
    return ok(context.keyMode === 'customer-managed' ? { source: 'create' } : { source: 'none' });
  }
  const details: string[] = [];
  const key = parseKeyReference(value, context.region);
  if (!key.ok) details.push(...key.details);
  if (context.keyMode === 'aws-owned') {
    details.push(
      `${quote(value)} is set but key-mode is 'aws-owned'; set key-mode: customer-managed or clear kms-key`,
    );
  }
  return details.length > 0 ? fail(...details) : key;
}

/** The form checks alone: what kind of key reference `value` is, and whether MWAA can use it. */
function parseKeyReference(value: string, region: string | undefined): Parsed<KmsKeySetting> {
  const q = quote(value);
  if (value.startsWith('alias/') || ALIAS_ARN.test(value)) {
    return fail(`${q} is an AWS KMS key alias: ${SUPPORT_TABLE}; give the key ID or key ARN`);
  }
  if (value.startsWith('mrk-') || MRK_ARN.test(value)) {
    return fail(
      `${q} is an AWS KMS multi-Region key: ${SUPPORT_TABLE}; give a single-Region key's ID or ARN`,
    );
  }
  if (UUID.test(value)) return ok({ source: 'existing', keyId: value });

  const arn = KEY_ARN.exec(value);
  if (arn === null) {
    const hint = UUID.test(value.toLowerCase()) ? ' (key IDs are lowercase)' : '';
    return fail(`${q} is not a KMS key ID or key ARN${hint}; ${EXPECTED}`);
  }
  const [, partition = '', keyRegion = '', accountId = '', keyId = ''] = arn;
  if (!UUID.test(keyId)) {
    return fail(`${q} is not a KMS key ARN: the part after 'key/' must be a key ID; ${EXPECTED}`);
  }
  if (region !== undefined && keyRegion !== region) {
    return fail(
      `${q} is in Region ${keyRegion} but the deployment Region is ${region}; MWAA needs a key in the environment's Region`,
    );
  }
  const expectedPartition = knownPartitionOf(keyRegion);
  if (expectedPartition !== undefined && partition !== expectedPartition) {
    return fail(
      `${q} has partition '${partition}' but Region ${keyRegion} is in '${expectedPartition}'`,
    );
  }
  return ok({ source: 'existing', keyId, arn: value, accountId });
}
