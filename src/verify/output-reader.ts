/**
 * Reading stack outputs one key at a time, recording each problem once with the stack and the
 * output named, so {@link checkStackOutputs} reads as a list of expectations.
 */
import { quote } from '../settings/problems.js';

/** Stack outputs by OutputKey, as read from DescribeStacks. */
export type StackOutputs = Readonly<Record<string, string>>;

/** The form of a well-formed output value and how to describe it in a message. */
export interface OutputForm {
  readonly pattern: RegExp;
  readonly expected: string;
}

// Resource IDs are 8 hex digits (older resources) or 17; anything else is not what EC2 returns.
/** The forms MWAA-facing outputs must have. */
export const FORMS = {
  vpc: { pattern: /^vpc-[0-9a-f]{8,17}$/, expected: 'a VPC ID like vpc-0123456789abcdef0' },
  subnet: {
    pattern: /^subnet-[0-9a-f]{8,17}$/,
    expected: 'a subnet ID like subnet-0123456789abcdef0',
  },
  securityGroup: {
    pattern: /^sg-[0-9a-f]{8,17}$/,
    expected: 'a security group ID like sg-0123456789abcdef0',
  },
  bucketName: { pattern: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, expected: 'an S3 bucket name' },
  bucketArn: {
    pattern: /^arn:(aws[a-z-]*):s3:::(.+)$/,
    expected: 'an S3 bucket ARN like arn:aws:s3:::my-bucket',
  },
  roleArn: {
    pattern: /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/,
    expected: 'an IAM role ARN like arn:aws:iam::123456789012:role/my-role',
  },
  keyArn: {
    pattern:
      /^arn:(aws[a-z-]*):kms:([a-z0-9-]+):(\d{12}):key\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/,
    expected: 'a KMS key ARN like arn:aws:kms:us-east-1:123456789012:key/<key-id>',
  },
} as const satisfies Record<string, OutputForm>;

/** Reads one stack's outputs, pushing problems to a shared list. */
export interface OutputReader {
  /** The value, or undefined when missing or blank (a template can output an empty string). */
  value(key: string): string | undefined;
  /** Records a problem when the output is missing. */
  required(key: string): void;
  /** The value when it has `form`; records a problem (once per key) and gives undefined otherwise. */
  matching(key: string, form: OutputForm): string | undefined;
  /**
   * A comma-separated pair of subnet IDs, checked to be distinct and to equal `parts` (the
   * single outputs it should join) when those are known.
   */
  pair(key: string, parts: readonly (string | undefined)[]): readonly [string, string] | undefined;
}

/** A reader over `outputs`; problems read `<stack> output <key> …`. */
export function outputReader(
  stack: string,
  outputs: StackOutputs,
  problems: string[],
): OutputReader {
  const reported = new Set<string>();
  const report = (key: string, message: string): void => {
    if (reported.has(key)) return;
    reported.add(key);
    problems.push(`${stack} output ${key} ${message}`);
  };
  const value = (key: string): string | undefined => {
    const v = Object.hasOwn(outputs, key) ? outputs[key] : undefined;
    return v === undefined || v.trim() === '' ? undefined : v;
  };
  return {
    value,
    required: (key) => {
      if (value(key) === undefined) report(key, 'is missing');
    },
    matching: (key, form) => {
      const v = value(key);
      if (v === undefined) return undefined;
      if (form.pattern.test(v)) return v;
      report(key, `is ${quote(v)}; expected ${form.expected}`);
      return undefined;
    },
    pair: (key, parts) => {
      const v = value(key);
      if (v === undefined) return undefined;
      const items = v.split(',').map((s) => s.trim());
      const [a, b] = items;
      if (a === undefined || b === undefined || items.length !== 2) {
        report(key, `is ${quote(v)}; expected two subnet IDs joined by a comma`);
        return undefined;
      }
      if (!items.every((s) => FORMS.subnet.pattern.test(s))) {
        report(key, `is ${quote(v)}; expected two subnet IDs joined by a comma`);
        return undefined;
      }
      if (a === b) {
        report(key, `lists the same subnet twice (${quote(v)}); expected two distinct subnets`);
      } else if (parts.every((p) => p !== undefined) && (a !== parts[0] || b !== parts[1])) {
        report(key, `is ${quote(v)} but the single outputs give ${parts.join(',')}`);
      }
      return [a, b];
    },
  };
}
