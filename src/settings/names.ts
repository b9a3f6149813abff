/**
 * Names and identifiers: the environment, the stacks, the Region, the role to assume. Each check
 * says the expected form in the words of the service that would reject the value later.
 */
import { fail, ok, quote } from './problems.js';
import type { Parsed } from './problems.js';

/** MWAA's environment name pattern (the API model's `EnvironmentName`). */
export const ENVIRONMENT_NAME_PATTERN = /^[a-zA-Z][0-9a-zA-Z\-_]*$/;
/** The longest MWAA environment name. */
export const MAX_ENVIRONMENT_NAME_LENGTH = 80;

/** CloudFormation's stack name pattern. */
export const STACK_NAME_PATTERN = /^[a-zA-Z][-a-zA-Z0-9]*$/;
/** The longest CloudFormation stack name. */
export const MAX_STACK_NAME_LENGTH = 128;

/** Checks an MWAA environment name. */
export function parseEnvironmentName(name: string): Parsed<string> {
  const form = `(a letter, then letters, digits, '-' or '_'; at most ${MAX_ENVIRONMENT_NAME_LENGTH} characters)`;
  if (!ENVIRONMENT_NAME_PATTERN.test(name)) {
    return fail(`${quote(name)} does not match ${ENVIRONMENT_NAME_PATTERN.source} ${form}`);
  }
  if (name.length > MAX_ENVIRONMENT_NAME_LENGTH) {
    return fail(`${quote(name)} is ${name.length} characters long ${form}`);
  }
  return ok(name);
}

/** Checks a CloudFormation stack name. */
export function parseStackName(name: string): Parsed<string> {
  const form = `(a letter, then letters, digits or '-'; at most ${MAX_STACK_NAME_LENGTH} characters)`;
  if (!STACK_NAME_PATTERN.test(name)) {
    return fail(`${quote(name)} does not match ${STACK_NAME_PATTERN.source} ${form}`);
  }
  if (name.length > MAX_STACK_NAME_LENGTH) {
    return fail(`${quote(name)} is ${name.length} characters long ${form}`);
  }
  return ok(name);
}

/**
 * The stack names used when none is given: `<env>-vpc` and `<env>-mwaa-prerequisites`, with the
 * environment name's `_` turned into `-` because stack names do not allow `_`.
 */
export function deriveStackNames(environmentName: string): {
  vpc: string;
  prerequisites: string;
  environment: string;
} {
  const base = environmentName.replace(/_/g, '-');
  return {
    vpc: `${base}-vpc`,
    prerequisites: `${base}-mwaa-prerequisites`,
    environment: `${base}-mwaa-environment`,
  };
}

// Two or more lowercase words, the last one a number: us-east-1, us-gov-west-1, cn-north-1,
// us-isob-east-1, eusc-de-east-1. Loose on purpose: new Regions appear every year.
const REGION_PATTERN = /^[a-z]{2,4}(-[a-z]+){1,3}-\d{1,2}$/;

/** Checks the shape of a Region name; whether it exists is left to AWS. */
export function parseRegion(region: string, source = ''): Parsed<string> {
  if (!REGION_PATTERN.test(region)) {
    return fail(
      `${quote(region)}${source} is not an AWS Region name; expected lowercase like eu-west-1 or us-gov-west-1`,
    );
  }
  return ok(region);
}

/**
 * The ARN partition of a Region, when it can be told from the name: `aws-cn` for `cn-*`,
 * `aws-us-gov` for `us-gov-*`, `aws` for the commercial Regions. Undefined for the isolated and
 * sovereign partitions, whose naming this code does not try to track.
 */
export function knownPartitionOf(region: string): string | undefined {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (/^[a-z]{2}-[a-z]+-\d+$/.test(region)) return 'aws';
  return undefined;
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** Checks an IAM role ARN, e.g. `arn:aws:iam::123456789012:role/path/name`. */
export function parseRoleArn(arn: string): Parsed<string> {
  if (ROLE_ARN.test(arn)) return ok(arn);
  const expected = 'expected an IAM role ARN like arn:aws:iam::123456789012:role/my-role';
  if (ROLE_NAME.test(arn)) {
    return fail(`${quote(arn)} is a role name, not an ARN; ${expected}`);
  }
  if (/^arn:aws[a-z-]*:sts::/.test(arn)) {
    return fail(`${quote(arn)} is an STS session ARN, not the role's; ${expected}`);
  }
  return fail(`${quote(arn)} is not an IAM role ARN; ${expected}`);
}

/** Checks an STS role session name: 2 to 64 characters of letters, digits and `_+=,.@-`. */
export function parseSessionName(name: string): Parsed<string> {
  if (/^[\w+=,.@-]{2,64}$/.test(name)) return ok(name);
  return fail(
    `${quote(name)} is not a role session name (2 to 64 characters of letters, digits and _+=,.@-)`,
  );
}

/** Checks the OIDC audience: any non-empty text without whitespace. */
export function parseAudience(audience: string): Parsed<string> {
  if (/^\S{1,255}$/.test(audience)) return ok(audience);
  return fail(
    `${quote(audience)} is not an OIDC audience (1 to 255 characters, no spaces, e.g. sts.amazonaws.com)`,
  );
}
