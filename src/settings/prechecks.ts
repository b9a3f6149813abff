/**
 * `allow-failed-prechecks`: the "will it create?" pre-checks a deploy may go past. Only the
 * checks whose reading of AWS can be wrong are listed here, so only they can be allowed:
 *   - `kms-key-policy`: a key policy may grant CloudWatch Logs under conditions the check does
 *     not evaluate (condition keys other than the logs ARN, NotPrincipal, grants);
 *   - `private-routing`: a VPC without NAT can reach AWS through interface and gateway endpoints
 *     (MWAA's private routing), which the NAT-route check does not see;
 *   - `security-group`: rules can reach the group's members in ways the check does not read
 *     (prefix lists, egress limited to the endpoints).
 * The others read plain facts (the key's state and spec, the subnets' zones, the bucket's
 * versioning and Region): when one fails, the environment fails, so the only way on is the fix.
 */
import { fail, ok, quote } from './problems.js';
import type { Parsed } from './problems.js';
import { splitList } from './scalars.js';

export const ALLOWABLE_PRECHECKS = ['kms-key-policy', 'private-routing', 'security-group'] as const;
export type AllowablePrecheck = (typeof ALLOWABLE_PRECHECKS)[number];

/** The pre-checks that read facts: no allow-list entry goes past them. */
const FACT_PRECHECKS = ['kms-key', 'private-subnets', 'bucket-versioning', 'bucket-region'];

/** True when `id` names a pre-check that `allow-failed-prechecks` may accept. */
export function isAllowablePrecheck(id: string): id is AllowablePrecheck {
  return (ALLOWABLE_PRECHECKS as readonly string[]).includes(id);
}

/** Comma- or newline-separated pre-check IDs, trimmed, duplicates dropped. */
export function parsePrecheckAllowList(text: string): Parsed<readonly AllowablePrecheck[]> {
  const entries = splitList(text);
  const details = entries.flatMap((e) =>
    isAllowablePrecheck(e)
      ? []
      : FACT_PRECHECKS.includes(e)
        ? [
            `${quote(e)} cannot be allowed: it reads a fact about the resource (an environment created anyway fails), so fix what it reports instead`,
          ]
        : [
            `${quote(e)} is not a pre-check that can be allowed; use ${ALLOWABLE_PRECHECKS.join(', ')}`,
          ],
  );
  return details.length > 0 ? fail(...details) : ok(entries.filter(isAllowablePrecheck));
}
