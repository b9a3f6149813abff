/**
 * The customer managed KMS key: the form MWAA accepts (seed 001: customer managed, symmetric,
 * single-Region, in the environment's Region) and a key policy that lets CloudWatch Logs use it,
 * without which the environment's log groups, and so the environment, fail to create.
 */
import { DescribeKeyCommand, GetKeyPolicyCommand } from '../aws/kms-read.js';
import { logsStatement, logsStatementProblem } from './key-policy.js';
import { CallError, call, failure, guarded, pass } from './result.js';
import type { CheckResult, KmsSender } from './types.js';

/** The identity of {@link checkKey}'s result, also used when there is no key to check. */
export const KEY_CHECK = {
  id: 'kms-key',
  title: 'KMS key enabled, customer managed, symmetric, single-Region, in Region',
};
const KEY_POLICY = {
  id: 'kms-key-policy',
  title: 'KMS key policy lets CloudWatch Logs use the key',
};

/** `kms:DescribeKey`: the key is one MWAA can use. */
export function checkKey(kms: KmsSender, keyArn: string, region: string): Promise<CheckResult> {
  return guarded(KEY_CHECK, async () => {
    const response = await call('kms:DescribeKey', () =>
      kms.send(new DescribeKeyCommand({ KeyId: keyArn })),
    );
    const key = response.KeyMetadata;
    if (key === undefined) return failure(KEY_CHECK, `${keyArn} was not described`);
    const problems: string[] = [];
    if (key.KeyState !== 'Enabled' || key.Enabled === false) {
      problems.push(`the key is ${key.KeyState ?? 'not enabled'}, not Enabled`);
    }
    if (key.KeyManager !== 'CUSTOMER') {
      problems.push(
        `the key is managed by ${key.KeyManager ?? 'an unknown manager'}; MWAA needs a customer managed key`,
      );
    }
    // KeySpec replaced CustomerMasterKeySpec; older responses (and fakes) may carry only the latter.
    const spec = key.KeySpec ?? key.CustomerMasterKeySpec;
    if (spec !== 'SYMMETRIC_DEFAULT') {
      problems.push(
        `the key spec is ${spec ?? 'unknown'}; MWAA needs SYMMETRIC_DEFAULT (SQS, S3, Logs and Aurora need symmetric keys)`,
      );
    }
    if (key.KeyUsage !== 'ENCRYPT_DECRYPT') {
      problems.push(`the key usage is ${key.KeyUsage ?? 'unknown'}; MWAA needs ENCRYPT_DECRYPT`);
    }
    if (key.MultiRegion === true) {
      problems.push('the key is a multi-Region key, which MWAA does not support');
    }
    const keyRegion = (key.Arn ?? keyArn).split(':')[3];
    if (keyRegion !== region) {
      problems.push(
        `the key is in ${keyRegion ?? 'an unknown Region'}, not the deployment Region ${region}`,
      );
    }
    if (problems.length > 0)
      return failure(KEY_CHECK, [`${key.Arn ?? keyArn}: ${problems[0]}`, ...problems.slice(1)]);
    return pass(
      KEY_CHECK,
      `${key.Arn ?? keyArn}: Enabled, CUSTOMER, SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT, single-Region, ${region}`,
    );
  });
}

/** What {@link checkKeyPolicy} needs to know about the key and the environment. */
export interface KeyPolicyContext {
  readonly keyArn: string;
  readonly region: string;
  /** The account the environment (and so its log groups) lives in: the execution role's. */
  readonly accountId: string;
  readonly environmentName: string;
  /** True when the prerequisite stack created the key (and so owns its policy). */
  readonly createdByStack: boolean;
}

/**
 * `kms:GetKeyPolicy` (policy `default`): a statement lets `logs.<region>.amazonaws.com` use the
 * key for the environment's log groups. A missing statement is an error either way: for an
 * existing key the stack does not manage the policy, so the report prints the statement to add;
 * for a key the stack created it means the policy drifted. A key policy the deploying identity
 * may not read (typical of a key in another account) gives a warning saying what went unchecked.
 */
export function checkKeyPolicy(kms: KmsSender, context: KeyPolicyContext): Promise<CheckResult> {
  return guarded(KEY_POLICY, async () => {
    const statement = JSON.stringify(logsStatement(context), null, 2);
    let policy: string | undefined;
    try {
      const response = await call('kms:GetKeyPolicy', () =>
        kms.send(new GetKeyPolicyCommand({ KeyId: context.keyArn, PolicyName: 'default' })),
      );
      policy = response.Policy;
    } catch (error) {
      if (error instanceof CallError && /AccessDenied/.test(error.code ?? '')) {
        return failure(
          KEY_POLICY,
          `could not read the key policy of ${context.keyArn} (${error.message}), so whether CloudWatch Logs may use the key was not checked; make sure its policy has this statement:\n${statement}`,
          'warning',
        );
      }
      throw error;
    }
    const problem = logsStatementProblem(policy ?? '', context);
    if (problem === undefined) {
      return pass(
        KEY_POLICY,
        `${context.keyArn}: logs.${context.region}.amazonaws.com may use the key`,
      );
    }
    const fix = context.createdByStack
      ? `the policy of the key the prerequisite stack created has drifted from the template; update the stack, or put this statement back`
      : `the stack does not manage the policy of an existing key; add this statement to the key policy of ${context.keyArn}`;
    return failure(KEY_POLICY, `${problem}; ${fix}:\n${statement}`);
  });
}
