/**
 * Issue 10, item 4: AssumeRoleWithWebIdentity's transient failures, as the SDK names them over
 * the wire (IDPCommunicationErrorException; InvalidIdentityTokenException with "Couldn't
 * retrieve verification key", GitHub's known hiccup), are retried with a fresh OIDC token each
 * attempt, against the fake STS rather than a hand-built error.
 */
import { assumeRoleWithOidc } from '../../../src/aws/credentials.js';
import { instantClock } from '../../../src/shared/clock.js';
import { stsClient } from '../../support/fake-aws/clients.js';
import { startFakeAws } from '../../support/fake-aws/index.js';
import type { FakeAws } from '../../support/fake-aws/index.js';
import { mintToken } from '../../support/fake-aws/oidc.js';

const settings = {
  roleToAssume: 'arn:aws:iam::123456789012:role/deploy',
  roleSessionName: 'mwaa-deploy',
  roleDurationSeconds: 3600,
  audience: 'sts.amazonaws.com',
};
const VERIFICATION_KEY =
  "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements";

let aws: FakeAws;
beforeEach(async () => {
  aws = await startFakeAws();
});
afterEach(() => aws.close());

function deps() {
  const issued: string[] = [];
  const retries: string[] = [];
  const clock = instantClock();
  return {
    issued,
    retries,
    clock,
    deps: {
      // As the session makes it: one attempt per call, the retries are the function's own.
      sts: stsClient(aws, { maxAttempts: 1 }),
      // A fresh token each time: the subject carries a counter so each one differs.
      getIdToken: async (audience: string) => {
        const token = mintToken(audience, `repo:o/r:ref:refs/heads/main#${issued.length}`, 0);
        issued.push(token);
        return token;
      },
      onSecret: () => {},
      onRetry: (m: string) => retries.push(m),
      clock,
    },
  };
}

const sentTokens = () =>
  aws.calls
    .filter((c) => c.action === 'AssumeRoleWithWebIdentity')
    .map((c) => c.params.WebIdentityToken);

it('retries IDPCommunicationError with a fresh token each attempt', async () => {
  aws.addFault({
    service: 'sts',
    action: 'AssumeRoleWithWebIdentity',
    kind: 'error',
    code: 'IDPCommunicationError',
    times: 2,
  });
  const d = deps();
  const credentials = await assumeRoleWithOidc(settings, d.deps);
  expect(credentials.accessKeyId).toMatch(/^ASIAFAKE/);
  expect(sentTokens()).toEqual(d.issued);
  expect(new Set(d.issued).size).toBe(3);
  expect(d.retries[0]).toMatch(/IDPCommunicationError/);
});

it("retries InvalidIdentityToken when the provider's verification key could not be read", async () => {
  aws.addFault({
    service: 'sts',
    action: 'AssumeRoleWithWebIdentity',
    kind: 'error',
    code: 'InvalidIdentityToken',
    message: VERIFICATION_KEY,
    times: 1,
  });
  const d = deps();
  await assumeRoleWithOidc(settings, d.deps);
  expect(sentTokens()).toHaveLength(2);
  expect(new Set(sentTokens()).size).toBe(2);
});

it('fails a wrong audience at once, with the provider hint', async () => {
  const d = deps();
  const attempt = assumeRoleWithOidc({ ...settings, audience: 'other' }, d.deps);
  await expect(attempt).rejects.toThrow(/Incorrect token audience/);
  await expect(attempt).rejects.toThrow(/registered in IAM with this audience/);
  expect(sentTokens()).toHaveLength(1);
});

it('gives up after the last attempt and says what failed', async () => {
  aws.addFault({
    service: 'sts',
    action: 'AssumeRoleWithWebIdentity',
    kind: 'error',
    code: 'IDPCommunicationError',
  });
  const d = deps();
  await expect(assumeRoleWithOidc(settings, d.deps)).rejects.toThrow(
    /IDPCommunicationError.*verification key/s,
  );
  expect(sentTokens()).toHaveLength(6);
});

it('retries a reset connection to STS, with a fresh token', async () => {
  aws.addFault({ service: 'sts', action: 'AssumeRoleWithWebIdentity', kind: 'reset', times: 2 });
  const d = deps();
  await assumeRoleWithOidc(settings, d.deps);
  expect(sentTokens()).toHaveLength(3);
  expect(new Set(d.issued).size).toBe(3);
});

it("passes the token function's own error through, unretried", async () => {
  const d = deps();
  const failing = {
    ...d.deps,
    getIdToken: async () => {
      throw new Error('ACTIONS_ID_TOKEN_REQUEST_URL is not set: add permissions: id-token: write');
    },
  };
  await expect(assumeRoleWithOidc(settings, failing)).rejects.toThrow(
    /^ACTIONS_ID_TOKEN_REQUEST_URL is not set/,
  );
  expect(sentTokens()).toHaveLength(0);
});
