import { createAwsClients } from '../aws/clients.js';
import type { AwsClientOptions, AwsClients } from '../aws/clients.js';
import { assumeRoleWithOidc, callerAccount } from '../aws/credentials.js';
import { requestOidcToken } from '../aws/oidc-token.js';
import { refreshingCredentials } from '../aws/refreshing-credentials.js';
import { environmentReaders } from '../environment/readers.js';
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
  /** The runner's OIDC token; defaults to asking the token service named in env. */
  readonly getIdToken?: (audience: string) => Promise<string>;
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
  let clients: AwsClients;
  if (roleToAssume) {
    const getIdToken =
      deps.getIdToken ??
      ((audience: string) =>
        requestOidcToken({
          audience,
          env: deps.env,
          clock: deps.clock,
          onRetry: (m) => deps.log.warning(m),
        }));
    const anonymous = create({ region: settings.region, env: deps.env });
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
  } else {
    clients = create({ region: settings.region, env: deps.env });
  }
  const accountId = await callerAccount(clients.sts);
  const environment = settings.environment
    ? environmentReaders({
        region: settings.region,
        // The CloudFormation client's provider: the same credentials, refreshed with it.
        credentials: clients.cloudformation.config.credentials,
        env: deps.env,
        read: clients,
      })
    : undefined;
  return { clients, accountId, ...(environment && { environment }) };
}
