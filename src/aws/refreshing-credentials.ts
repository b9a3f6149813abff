/**
 * Credentials that outlive the role's session. A deploy with an environment waits 20 to 40
 * minutes for its creation (more on a rollback), which can exceed the assumed role's session
 * (1 hour by default): before the credentials expire, the OIDC token is requested again and the
 * role assumed again. Every client holds this one provider, so all of them move to the new
 * session together.
 */
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import type { Clock } from '../shared/clock.js';

/** How long before expiry to renew: 5 minutes, or a third of a shorter session. */
const MARGIN_MS = 5 * 60_000;

export interface RefreshingOptions {
  /** The credentials already obtained (the first assume). */
  readonly initial: AwsCredentialIdentity;
  /** Obtains new credentials: a fresh OIDC token exchanged with AssumeRoleWithWebIdentity. */
  readonly assume: () => Promise<AwsCredentialIdentity>;
  readonly clock: Clock;
  /** Told each time the session is renewed (with the new expiry). */
  readonly onRefresh?: (expiration: Date | undefined) => void;
}

/**
 * A credential provider for the SDK clients: the current credentials until `margin` before
 * they expire, then new ones (one renewal at a time, however many calls ask at once).
 * Credentials without an expiry never renew.
 */
export function refreshingCredentials(
  options: RefreshingOptions,
): () => Promise<AwsCredentialIdentity> {
  let current = options.initial;
  let renewAt = renewalTime(current, options.clock.now());
  let pending: Promise<AwsCredentialIdentity> | undefined;
  return async () => {
    if (renewAt === undefined || options.clock.now() < renewAt) return current;
    pending ??= options
      .assume()
      .then((fresh) => {
        current = fresh;
        renewAt = renewalTime(fresh, options.clock.now());
        options.onRefresh?.(fresh.expiration);
        return fresh;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}

/** When to renew credentials obtained at `now`; undefined when they do not expire. */
function renewalTime(credentials: AwsCredentialIdentity, now: number): number | undefined {
  const expiry = credentials.expiration?.getTime();
  if (expiry === undefined) return undefined;
  const lifetime = Math.max(0, expiry - now);
  return expiry - Math.min(MARGIN_MS, lifetime / 3);
}
