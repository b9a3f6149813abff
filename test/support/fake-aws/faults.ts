/**
 * Scripted faults: the transient failures real endpoints produce (throttling, 5xx bursts,
 * connection resets, slow answers) and the errors a caller must handle (STS's AccessDenied...).
 * A rule is checked before the request is handled, so a faulted call changes no state, as a
 * throttled or failed call to AWS changes none.
 */
import { AwsError } from './wire.js';

/**
 * `lost-response` is the one fault that changes state: the call is handled, then the connection
 * drops before the answer is sent, as when a response is lost on the way back. The SDK retries
 * it, which is what ClientToken (CreateChangeSet) and ClientRequestToken exist for.
 */
export type FaultKind =
  | 'throttle'
  | 'internal'
  | 'unavailable'
  | 'reset'
  | 'lost-response'
  | 'delay'
  | 'error'
  | 'not-implemented';

export interface FaultRule {
  /** `cloudformation`, `sts`, `oidc`, `ec2`, `s3`, `iam`, `kms`, `mwaa` or `logs`; absent: any. */
  readonly service?: string;
  /**
   * e.g. `DescribeStacks`, `AssumeRoleWithWebIdentity`, `GetIdToken` (OIDC), `DescribeSubnets`,
   * `GetBucketVersioning` (S3, see s3.ts), `DescribeKey`, `InvokeRestApi` (MWAA); absent: any.
   */
  readonly action?: string;
  readonly kind: FaultKind;
  /** Let this many matching calls through first. Default 0. */
  readonly skip?: number;
  /** Fire on every Nth matching call after `skip` (1 = every one). Default 1. */
  readonly every?: number;
  /** Stop after firing this many times. Default: never stop. */
  readonly times?: number;
  /** For `delay`: how long to hold the response (the call then proceeds normally). */
  readonly delayMs?: number;
  /** For `error`: the error code; known codes get AWS's status and message (see KNOWN_ERRORS). */
  readonly code?: string;
  readonly message?: string;
  readonly status?: number;
}

/** Real status and wording of the errors callers are expected to tell apart. */
export const KNOWN_ERRORS: Readonly<Record<string, { status: number; message: string }>> = {
  Throttling: { status: 400, message: 'Rate exceeded' },
  InternalFailure: { status: 500, message: 'We encountered an internal error. Please try again.' },
  ServiceUnavailable: { status: 503, message: 'Service Unavailable' },
  AccessDenied: { status: 403, message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity' },
  IDPCommunicationError: {
    status: 400,
    message:
      "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
  },
  // Also answered, transiently, with "Couldn't retrieve verification key from your identity
  // provider..." when STS cannot fetch GitHub's signing keys (reported in
  // aws-actions/configure-aws-credentials issues): give that as the rule's `message`.
  InvalidIdentityToken: { status: 400, message: 'Incorrect token audience' },
  ExpiredTokenException: {
    status: 400,
    message: 'Token expired: current date/time must be before the expiration date/time',
  },
  // Each protocol's own words for the same faults (see CODES).
  RequestLimitExceeded: { status: 503, message: 'Request limit exceeded.' },
  InternalError: { status: 500, message: 'An internal error has occurred' },
  Unavailable: { status: 503, message: 'The service is unavailable. Please try again shortly.' },
  SlowDown: { status: 503, message: 'Please reduce your request rate.' },
  ThrottlingException: { status: 400, message: 'Rate exceeded' },
  KMSInternalException: { status: 500, message: 'An internal error has occurred' },
  ServiceUnavailableException: { status: 503, message: 'Service Unavailable' },
  ServiceFailure: { status: 500, message: 'Service failure' },
  AccessDeniedException: { status: 400, message: 'User is not authorized to perform this action' },
};

/**
 * The code a generic fault takes in each service, as that service spells it: EC2 throttles with
 * RequestLimitExceeded, S3 with SlowDown, KMS with ThrottlingException; the awsQuery services
 * (CloudFormation, STS, IAM) use the defaults.
 */
const CODES: Readonly<
  Record<'throttle' | 'internal' | 'unavailable', { default: string } & Record<string, string>>
> = {
  throttle: {
    default: 'Throttling',
    ec2: 'RequestLimitExceeded',
    s3: 'SlowDown',
    kms: 'ThrottlingException',
  },
  internal: {
    default: 'InternalFailure',
    ec2: 'InternalError',
    s3: 'InternalError',
    kms: 'KMSInternalException',
    iam: 'ServiceFailure',
  },
  unavailable: {
    default: 'ServiceUnavailable',
    ec2: 'Unavailable',
    kms: 'ServiceUnavailableException',
  },
};

/**
 * `not-implemented`: how moto 5.2.1 answers an action it does not implement (DetectStackDrift,
 * for one): its dispatcher raises Python's NotImplementedError ("The detect_stack_drift action
 * has not been implemented", moto/core/responses.py `call_action`), and Werkzeug turns that into
 * this generic HTTP 500 page, not an AWS error document (seen against moto 5.2.1, 2026-12-04).
 * The SDK reads it as a server error and retries it like AWS's own InternalFailure.
 */
export const NOT_IMPLEMENTED_PAGE =
  '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>\n';

/** What the server must do with a call a rule fired on. */
export type FaultAction =
  | { readonly kind: 'error'; readonly error: AwsError }
  | { readonly kind: 'not-implemented' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'lost-response' }
  | { readonly kind: 'delay'; readonly ms: number };

interface LiveRule {
  readonly rule: FaultRule;
  seen: number;
  fired: number;
}

export class FaultBook {
  private rules: LiveRule[] = [];

  /** Adds a rule; returns a function that removes it. */
  add(rule: FaultRule): () => void {
    const live = { rule, seen: 0, fired: 0 };
    this.rules.push(live);
    return () => {
      this.rules = this.rules.filter((r) => r !== live);
    };
  }

  clear(): void {
    this.rules = [];
  }

  /** The faults that fire on this call (a delay may combine with an error), counting it. */
  check(service: string, action: string): FaultAction[] {
    const actions: FaultAction[] = [];
    for (const live of this.rules) {
      const { rule } = live;
      if (rule.service !== undefined && rule.service !== service) continue;
      if (rule.action !== undefined && rule.action !== action) continue;
      live.seen += 1;
      const after = live.seen - (rule.skip ?? 0);
      if (after <= 0 || after % (rule.every ?? 1) !== 0) continue;
      if (rule.times !== undefined && live.fired >= rule.times) continue;
      live.fired += 1;
      actions.push(toAction(rule, service));
    }
    return actions;
  }
}

function toAction(rule: FaultRule, service: string): FaultAction {
  switch (rule.kind) {
    case 'reset':
      return { kind: 'reset' };
    case 'lost-response':
      return { kind: 'lost-response' };
    case 'not-implemented':
      return { kind: 'not-implemented' };
    case 'delay':
      return { kind: 'delay', ms: rule.delayMs ?? 100 };
    case 'throttle':
    case 'internal':
    case 'unavailable': {
      const codes = CODES[rule.kind];
      return { kind: 'error', error: known(codes[service] ?? codes.default, rule) };
    }
    case 'error':
      if (!rule.code) throw new Error(`Fault rule for ${service} needs a code`);
      return { kind: 'error', error: known(rule.code, rule) };
  }
}

function known(code: string, rule: FaultRule): AwsError {
  const base = KNOWN_ERRORS[code];
  return new AwsError(
    code,
    rule.message ?? base?.message ?? code,
    rule.status ?? base?.status ?? 400,
  );
}
