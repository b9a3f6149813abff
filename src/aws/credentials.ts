import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import type { CredentialSettings } from '../settings/types.js';
import type { Clock } from '../shared/clock.js';
import { errorMessage } from '../shared/errors.js';
import { retry } from '../shared/retry.js';

/** What assuming the role needs besides the settings. */
export interface AssumeRoleDeps {
  /**
   * A client for STS; AssumeRoleWithWebIdentity is unsigned, so it needs no credentials. Give
   * it maxAttempts 1: this function retries with a fresh token, the SDK would reuse the old one.
   */
  readonly sts: Pick<STSClient, 'send'>;
  /** Returns the runner's OIDC token for an audience. */
  readonly getIdToken: (audience: string) => Promise<string>;
  /** Called with each secret the moment it exists, so the runner masks it in every log. */
  readonly onSecret: (value: string) => void;
  readonly clock: Clock;
  readonly onRetry?: (message: string) => void;
}

/** STS errors worth another try: the identity provider or STS itself hiccupped. */
const TRANSIENT = new Set([
  'IDPCommunicationError',
  'Throttling',
  'RequestLimitExceeded',
  'ServiceUnavailable',
  'InternalFailure',
  'InternalError',
]);

/**
 * The error's code without the SDK's `Exception` suffix: the SDK names STS's
 * `IDPCommunicationError` as `IDPCommunicationErrorException` and `InvalidIdentityToken` as
 * `InvalidIdentityTokenException`, while other codes keep their wire name.
 */
function errorName(error: unknown): string {
  const name = (error as { name?: string })?.name ?? '';
  return name.replace(/Exception$/, '');
}

/**
 * Worth another attempt with a fresh token: STS's transient errors, and InvalidIdentityToken
 * when STS could not fetch GitHub's signing keys ("Couldn't retrieve verification key from your
 * identity provider"), a known passing failure of the provider rather than a bad token.
 */
function isTransient(error: unknown): boolean {
  if (error instanceof TokenRequestError) return false; // getIdToken retried on its own
  const name = errorName(error);
  if (TRANSIENT.has(name) || NETWORK.has(name)) return true;
  const code = (error as { code?: string }).code;
  if (code !== undefined && NETWORK.has(code)) return true;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) return true;
  // A network error from another realm reaches the SDK as a plain value and is wrapped as
  // "AWS SDK error wrapper for TimeoutError: socket hang up": only its text remains.
  if (/\b(socket hang up|ECONNRESET|ETIMEDOUT|TimeoutError)\b/.test(errorMessage(error)))
    return true;
  return name === 'InvalidIdentityToken' && /verification key/i.test(errorMessage(error));
}

/**
 * No answer at all (a reset connection, a timeout): the STS client makes one attempt per call
 * (the SDK would retry with the same token), so this loop retries these too.
 */
const NETWORK = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
]);

/** A failure to get the OIDC token, which its own function already retried. */
class TokenRequestError extends Error {}

/**
 * Exchanges the runner's OIDC token for role credentials. AccessDenied is not retried: it is
 * a trust-policy mismatch that waiting cannot fix, and the hint says where to look.
 */
export async function assumeRoleWithOidc(
  settings: CredentialSettings & { roleToAssume: string },
  deps: AssumeRoleDeps,
): Promise<AwsCredentialIdentity> {
  let response;
  try {
    response = await retry(
      async () => {
        // A fresh token each attempt: a retried token may have expired (GitHub's live about
        // five minutes), and the provider's hiccup may have been about this one.
        const token = await deps.getIdToken(settings.audience).catch((error: unknown) => {
          throw new TokenRequestError(errorMessage(error), { cause: error });
        });
        deps.onSecret(token);
        return deps.sts.send(
          new AssumeRoleWithWebIdentityCommand({
            RoleArn: settings.roleToAssume,
            RoleSessionName: settings.roleSessionName,
            DurationSeconds: settings.roleDurationSeconds,
            WebIdentityToken: token,
          }),
        );
      },
      {
        attempts: 6,
        baseDelayMs: 1000,
        maxDelayMs: 15_000,
        clock: deps.clock,
        retryable: isTransient,
        onRetry: (error, attempt, delay) =>
          deps.onRetry?.(
            `AssumeRoleWithWebIdentity attempt ${attempt} failed (${errorName(error)}: ${errorMessage(error)}); retrying in ${delay} ms with a new token`,
          ),
      },
    );
  } catch (error) {
    // The token function's own error (e.g. no id-token permission) says what to do as it is.
    if (error instanceof TokenRequestError) throw error.cause;
    throw new Error(assumeRoleFailure(settings.roleToAssume, error), { cause: error });
  }
  const c = response.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
    throw new Error(`Could not assume role ${settings.roleToAssume}: STS returned no credentials.`);
  }
  deps.onSecret(c.AccessKeyId);
  deps.onSecret(c.SecretAccessKey);
  deps.onSecret(c.SessionToken);
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: c.SessionToken,
    expiration: c.Expiration,
  };
}

function assumeRoleFailure(roleArn: string, error: unknown): string {
  const name = errorName(error);
  const base = `Could not assume role ${roleArn} with OIDC: ${name ? `${name}: ` : ''}${errorMessage(error)}`;
  if (name === 'AccessDenied') {
    return (
      `${base}\nThe role's trust policy does not accept this workflow's token. Check that it trusts ` +
      'the provider token.actions.githubusercontent.com with Action sts:AssumeRoleWithWebIdentity, ' +
      "that 'token.actions.githubusercontent.com:aud' matches the audience input, and that its " +
      "'token.actions.githubusercontent.com:sub' condition matches this run's subject " +
      '(e.g. repo:OWNER/REPO:ref:refs/heads/main, repo:OWNER/REPO:pull_request or ' +
      'repo:OWNER/REPO:environment:NAME).'
    );
  }
  if (name === 'InvalidIdentityToken') {
    return `${base}\nIs the GitHub OIDC provider (https://token.actions.githubusercontent.com) registered in IAM with this audience?`;
  }
  if (name === 'ValidationError' && /DurationSeconds/i.test(errorMessage(error))) {
    return `${base}\nLower role-duration-seconds to at most the role's maximum session duration.`;
  }
  return base;
}

/** The account the credentials belong to: needed for ARNs and shown in the plan. */
export async function callerAccount(sts: Pick<STSClient, 'send'>): Promise<string> {
  try {
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    if (!identity.Account) throw new Error('no account in the answer');
    return identity.Account;
  } catch (error) {
    throw new Error(
      `Could not identify the AWS account (sts:GetCallerIdentity): ${errorMessage(error)}. ` +
        'Without role-to-assume the action uses the credentials in the environment; are there any?',
      { cause: error },
    );
  }
}
