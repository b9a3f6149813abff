/**
 * STS as the action meets it: AssumeRoleWithWebIdentity (unsigned, checks the token's shape and
 * audience and the session duration limits, returns recognisable fake credentials) and
 * GetCallerIdentity (tells which credentials signed the call).
 */
import { randomBytes } from 'node:crypto';
import type { StsOptions } from './types.js';
import { AwsError, stringParam, validation } from './wire.js';

export interface AssumedRole {
  readonly roleArn: string;
  readonly sessionName: string;
  /** The web identity token exactly as received. */
  readonly token: string;
  readonly claims: Record<string, unknown>;
  readonly durationSeconds: number;
  readonly credentials: {
    readonly AccessKeyId: string;
    readonly SecretAccessKey: string;
    readonly SessionToken: string;
    readonly Expiration: Date;
  };
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

function random(length: number): string {
  return randomBytes(length).toString('base64url').slice(0, length);
}

/** The claims of a JWT, or undefined when the token is not one. */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString());
    return typeof claims === 'object' && claims !== null
      ? (claims as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export class FakeSts {
  /** Every successful AssumeRoleWithWebIdentity, oldest first. */
  readonly assumed: AssumedRole[] = [];

  constructor(
    private readonly options: StsOptions,
    private readonly accountId: string,
    private readonly now: () => number,
  ) {}

  handle(
    action: string,
    params: Record<string, unknown>,
    accessKeyId: string | undefined,
  ): unknown {
    if (action === 'AssumeRoleWithWebIdentity') return this.assumeRole(params);
    if (!accessKeyId)
      throw new AwsError(
        'MissingAuthenticationToken',
        'Request is missing Authentication Token',
        403,
      );
    if (action === 'GetCallerIdentity') return this.callerIdentity(accessKeyId);
    throw new AwsError(
      'InvalidAction',
      `Could not find operation ${action} for version 2011-06-15`,
    );
  }

  private assumeRole(params: Record<string, unknown>): unknown {
    const roleArn = stringParam(params, 'RoleArn') ?? '';
    const sessionName = stringParam(params, 'RoleSessionName') ?? '';
    const token = stringParam(params, 'WebIdentityToken') ?? '';
    const duration = Number(stringParam(params, 'DurationSeconds') ?? 3600);
    const role = ROLE_ARN.exec(roleArn);
    if (!role) throw validation('Request ARN is invalid');
    if (!SESSION_NAME.test(sessionName)) {
      throw validation(
        `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
      );
    }
    const limit = (bound: string, value: number): AwsError =>
      validation(
        `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value ${bound} ${value}`,
      );
    if (!Number.isInteger(duration) || duration < 900) throw limit('greater than or equal to', 900);
    if (duration > 43200) throw limit('less than or equal to', 43200);
    if (duration > (this.options.maxSessionDuration ?? 3600)) {
      throw validation(
        'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      );
    }
    const claims = jwtClaims(token);
    if (!claims) {
      throw new AwsError(
        'InvalidIdentityToken',
        'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)',
      );
    }
    const audience = this.options.audience ?? 'sts.amazonaws.com';
    const aud = Array.isArray(claims.aud) ? claims.aud.map(String) : [String(claims.aud)];
    if (!aud.includes(audience))
      throw new AwsError('InvalidIdentityToken', 'Incorrect token audience');
    // sessionMs compresses the session for wall-clock tests of renewal (a test knob, not AWS).
    const expiration = new Date(this.now() + (this.options.sessionMs ?? duration * 1000));
    const credentials = {
      AccessKeyId: `ASIAFAKE${random(12)
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, 'X')}`,
      SecretAccessKey: `fakeSecret${random(30)}`,
      SessionToken: `fakeSessionToken${random(60)}`,
      Expiration: expiration,
    };
    this.assumed.push({
      roleArn,
      sessionName,
      token,
      claims,
      durationSeconds: duration,
      credentials,
    });
    const [, account, roleName] = role;
    return {
      Credentials: credentials,
      SubjectFromWebIdentityToken: claims.sub === undefined ? undefined : String(claims.sub),
      AssumedRoleUser: {
        AssumedRoleId: `AROAFAKE${random(13)
          .toUpperCase()
          .replace(/[^A-Z0-9]/g, 'X')}:${sessionName}`,
        Arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`,
      },
      Provider: String(claims.iss ?? '').replace(/^https:\/\//, ''),
      Audience: audience,
    };
  }

  /**
   * True when the access key belongs to an assumed-role session that has expired: AWS then
   * refuses every call signed with it (ExpiredToken, "The security token included in the
   * request is expired").
   */
  expired(accessKeyId: string | undefined): boolean {
    const assumed = this.assumed.find((a) => a.credentials.AccessKeyId === accessKeyId);
    return assumed !== undefined && assumed.credentials.Expiration.getTime() <= this.now();
  }

  private callerIdentity(accessKeyId: string): unknown {
    const assumed = this.assumed.find((a) => a.credentials.AccessKeyId === accessKeyId);
    if (!assumed) {
      return {
        UserId: 'AIDAFAKEUSER',
        Account: this.accountId,
        Arn: `arn:aws:iam::${this.accountId}:user/fake-user`,
      };
    }
    const [, account, roleName] = ROLE_ARN.exec(assumed.roleArn)!;
    return {
      UserId: `AROAFAKE:${assumed.sessionName}`,
      Account: account,
      Arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${assumed.sessionName}`,
    };
  }
}
