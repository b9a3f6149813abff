import { createAwsClients } from '../aws/clients.js';
import type { AwsClientOptions, AwsClients } from '../aws/clients.js';
import { assumeRoleWithOidc, callerAccount } from '../aws/credentials.js';
import { requestOidcToken } from '../aws/oidc-token.js';
import type { IdTokenSource } from '../aws/oidc-token.js';
import { refreshingCredentials } from '../aws/refreshing-credentials.js';
import type { EnvironmentReaders } from '../environment/readers.js';
import type { Settings } from '../settings/types.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';

/** An authenticated connection to the deployment account. */
export interface AwsSession {
  readonly clients: AwsClients;
  readonly accountId: string;
  /** MWAA and CloudWatch Logs readers, only with `deploy-environment`. */
  readonly environment?: EnvironmentReaders;
}

export interface SessionDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly clock: Clock;
  readonly log: Logger;
  /** Registers a secret so nothing prints it (core.setSecret in the action). */
  readonly onSecret: (value: string) => void;
  /**
   * The runner's OIDC token: `core.getIDToken` in the action. Without it (the CLI, a library
   * caller), role-to-assume fails with a message that says to use the ambient credentials.
   */
  readonly getIdToken?: IdTokenSource;
  /** Client construction, replaceable by library users (custom handlers, proxies). */
  readonly createClients?: (options: AwsClientOptions) => AwsClients;
}

/**
 * Credentials first: with role-to-assume, the runner's OIDC token is exchanged for the role's
 * credentials (masked at once); without it, the SDK's usual chain (environment, profile, ...).
 * Then the account is read, which both proves the credentials and is needed for ARNs.
 */
export async function openSession(settings: Settings, deps: SessionDeps): Promise<AwsSession> {
  const create = deps.createClients ?? createAwsClients;
  const { roleToAssume } = settings.credentials;
  // mask-aws-account-id: the account is a secret from the moment it is known, so the runner
  // hides it everywhere (log lines, AWS errors, outputs), not only in the rendered plan.
  const maskAccount = (account: string | undefined) => {
    if (settings.maskAccountId && account) deps.onSecret(account);
  };
  maskAccount(roleToAssume === undefined ? undefined : accountOfArn(roleToAssume));
  let clients: AwsClients;
  let knownAccount: string | undefined;
  if (roleToAssume) {
    const getIdToken = (audience: string) =>
      requestOidcToken(audience, deps.getIdToken, {
        env: deps.env,
        clock: deps.clock,
        onRetry: (m) => deps.log.warning(m),
      });
    // One attempt per call: assumeRoleWithOidc retries with a fresh token, the SDK would not.
    const anonymous = create({ region: settings.region, env: deps.env, maxAttempts: 1 });
    const assume = () =>
      assumeRoleWithOidc(
        { ...settings.credentials, roleToAssume },
        {
          sts: anonymous.sts,
          getIdToken,
          onSecret: deps.onSecret,
          clock: deps.clock,
          onRetry: (m) => deps.log.warning(m),
        },
      );
    const initial = await assume();
    deps.log.info(
      `Assumed role ${roleToAssume} (session ${settings.credentials.roleSessionName}).`,
    );
    // Renewed before expiry (a fresh OIDC token, the role assumed again) for long waits.
    const credentials = refreshingCredentials({
      initial,
      assume,
      clock: deps.clock,
      onRefresh: (expiration) =>
        deps.log.info(
          `Renewed the session of role ${roleToAssume}${expiration ? ` (valid until ${expiration.toISOString()})` : ''}.`,
        ),
    });
    clients = create({ region: settings.region, credentials, env: deps.env });
    // STS just issued these credentials and named their account: no GetCallerIdentity.
    knownAccount = initial.accountId;
  } else {
    clients = create({ region: settings.region, env: deps.env });
  }
  const accountId = knownAccount ?? (await callerAccount(clients.sts));
  maskAccount(accountId);
  // Loaded only with deploy-environment, or for the import-errors check after a deploy of DAG
  // files: any other run never loads MWAA or Logs code.
  const checksDags =
    settings.mode === 'deploy' &&
    settings.code?.paths['dags-path'] !== undefined &&
    settings.code.importErrors !== 'off';
  const environment =
    settings.environment || checksDags
      ? (await import('../environment/readers.js')).environmentReaders({
          region: settings.region,
          // The CloudFormation client's provider: the same credentials, refreshed with it.
          credentials: clients.cloudformation.config.credentials,
          env: deps.env,
          read: clients,
        })
      : undefined;
  return { clients, accountId, ...(environment && { environment }) };
}

/** The 12-digit account of an ARN such as arn:aws:iam::123456789012:role/name. */
function accountOfArn(arn: string): string | undefined {
  return /^arn:[^:]+:[^:]*:[^:]*:(\d{12}):/.exec(arn)?.[1];
}
