/**
 * What the environment's end-to-end tests share: the action's inputs with deploy-environment on,
 * a fake AWS whose MWAA takes a few seconds, and a key-policy statement for the account's root.
 */
import { startFakeAws } from './fake-aws/index.js';
import type { FakeAws } from './fake-aws/index.js';

const ROLE = 'arn:aws:iam::123456789012:role/mwaa-deploy';

/** Deploy-mode inputs for environment `analytics` with the environment stack on. */
export function environmentInputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    mode: 'deploy',
    'environment-name': 'analytics',
    'aws-region': 'us-east-1',
    'role-to-assume': ROLE,
    comment: 'never',
    'deploy-environment': 'true',
    ...extra,
  };
}

/** A fake AWS with MWAA durations scaled to seconds (create 2.5 s, update 1.5 s, delete 4 s). */
export function startEnvironmentFake(): Promise<FakeAws> {
  return startFakeAws({
    changeSetReadyMs: 30,
    resourceMs: 10,
    mwaa: { createMs: 2_500, updateMs: 1_500, deleteMs: 4_000 },
  });
}

/** KMS's default statement: the account administers the key (and nothing for Logs). */
export function rootStatement() {
  return {
    Sid: 'Enable IAM User Permissions',
    Effect: 'Allow',
    Principal: { AWS: 'arn:aws:iam::123456789012:root' },
    Action: 'kms:*',
    Resource: '*',
  };
}
