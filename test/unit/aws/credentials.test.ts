import type { AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts';
import { assumeRoleWithOidc } from '../../../src/aws/credentials.js';
import { instantClock } from '../../../src/shared/clock.js';

const settings = {
  roleToAssume: 'arn:aws:iam::123456789012:role/deploy',
  roleSessionName: 'mwaa-deploy',
  roleDurationSeconds: 3600,
  audience: 'sts.amazonaws.com',
};

function awsError(name: string, message = name) {
  return Object.assign(new Error(message), { name });
}

function sts(answers: (() => unknown)[]) {
  const sent: AssumeRoleWithWebIdentityCommand[] = [];
  return {
    sent,
    client: {
      send: async (command: unknown) => {
        sent.push(command as AssumeRoleWithWebIdentityCommand);
        const next = answers.shift();
        if (!next) throw new Error('no more answers');
        return next();
      },
    } as never,
  };
}

const creds = () => ({
  Credentials: {
    AccessKeyId: 'ASIAKEY',
    SecretAccessKey: 'secret',
    SessionToken: 'session',
    Expiration: new Date(0),
  },
});

describe('assumeRoleWithOidc', () => {
  it('masks the token and every credential, and passes the settings to STS', async () => {
    const secrets: string[] = [];
    const { client, sent } = sts([creds]);
    const result = await assumeRoleWithOidc(settings, {
      sts: client,
      getIdToken: async (audience) => `jwt-for-${audience}`,
      onSecret: (s) => secrets.push(s),
      clock: instantClock(),
    });
    expect(result.accessKeyId).toBe('ASIAKEY');
    expect(secrets).toEqual(['jwt-for-sts.amazonaws.com', 'ASIAKEY', 'secret', 'session']);
    expect(sent[0]?.input).toEqual({
      RoleArn: settings.roleToAssume,
      RoleSessionName: 'mwaa-deploy',
      DurationSeconds: 3600,
      WebIdentityToken: 'jwt-for-sts.amazonaws.com',
    });
  });

  it('fails AccessDenied at once with the trust-policy hint', async () => {
    const clock = instantClock();
    const { client, sent } = sts([
      () =>
        Promise.reject(
          awsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity'),
        ),
      creds,
    ]);
    const attempt = assumeRoleWithOidc(settings, {
      sts: client,
      getIdToken: async () => 't',
      onSecret: () => {},
      clock,
    });
    await expect(attempt).rejects.toThrow(/trust policy/);
    await expect(attempt).rejects.toThrow(/token.actions.githubusercontent.com:sub/);
    expect(sent).toHaveLength(1);
    expect(clock.slept).toEqual([]);
  });
});
