/**
 * Security changes in words, as plain text: a statement as "Allow s3:GetObject on arn:… for
 * Service airflow.amazonaws.com when {…}", a rule as "all traffic from 0.0.0.0/0".
 */
import { isRecord } from '../plan/analysis-context.js';
import type { SecurityChange, SecurityKind } from '../plan/analysis.js';
import { valueText } from './properties.js';

const list = (v: unknown): string =>
  (Array.isArray(v) ? v : [v]).map((x) => valueText(x) ?? '').join(', ');

function principal(p: unknown): string {
  if (!isRecord(p)) return list(p);
  return Object.entries(p)
    .map(([kind, who]) => `${kind} ${list(who)}`)
    .join('; ');
}

/** An IAM or resource policy statement in one line. */
export function describeStatement(s: unknown): string {
  if (!isRecord(s)) return valueText(s) ?? '';
  const parts: string[] = [];
  if (s['Sid'] !== undefined) parts.push(`[${valueText(s['Sid'])}]`);
  parts.push(String(s['Effect'] ?? '?'));
  if (s['Action'] !== undefined) parts.push(list(s['Action']));
  if (s['NotAction'] !== undefined) parts.push(`any action except ${list(s['NotAction'])}`);
  if (s['Resource'] !== undefined) parts.push(`on ${list(s['Resource'])}`);
  if (s['NotResource'] !== undefined)
    parts.push(`on any resource except ${list(s['NotResource'])}`);
  if (s['Principal'] !== undefined) parts.push(`for ${principal(s['Principal'])}`);
  if (s['NotPrincipal'] !== undefined)
    parts.push(`for anyone except ${principal(s['NotPrincipal'])}`);
  if (s['Condition'] !== undefined) parts.push(`when ${JSON.stringify(s['Condition'])}`);
  return parts.join(' ');
}

const PEERS = [
  'CidrIp',
  'CidrIpv6',
  'SourceSecurityGroupId',
  'SourceSecurityGroupName',
  'SourcePrefixListId',
  'DestinationSecurityGroupId',
  'DestinationPrefixListId',
];

/** A security group rule in one line: protocol and ports, peer, description. */
export function describeRule(r: unknown, kind: SecurityKind): string {
  if (!isRecord(r)) return valueText(r) ?? '';
  const protocol = String(r['IpProtocol'] ?? '?');
  const from = r['FromPort'];
  const to = r['ToPort'];
  const ports =
    from === undefined
      ? ''
      : from === to || to === undefined
        ? ` port ${String(from)}`
        : ` ports ${String(from)}-${String(to)}`;
  const what = protocol === '-1' ? 'all traffic' : `${protocol}${ports}`;
  const peerKey = PEERS.find((k) => r[k] !== undefined);
  const peer = peerKey ? `${kind === 'egress-rule' ? 'to' : 'from'} ${valueText(r[peerKey])}` : '';
  const group = r['GroupId'] !== undefined ? ` (group ${valueText(r['GroupId'])})` : '';
  const description = r['Description'] !== undefined ? ` - ${valueText(r['Description'])}` : '';
  return `${what} ${peer}`.trim() + group + description;
}

/** The label of a kind of change, with where it sits (the inline policy's name). */
export function securityKindLabel(c: SecurityChange): string {
  // A whole resource added or removed without values: say what it is.
  if (c.value === undefined && c.change !== 'changed') return c.type;
  const where = c.where ? ` ${c.where}` : '';
  switch (c.kind) {
    case 'trust-statement':
      return 'trust policy';
    case 'iam-statement':
      return c.change === 'changed' ? `IAM${where}` : `IAM policy${where}`;
    case 'managed-policy':
      return 'managed policy';
    case 'key-policy-statement':
      return 'key policy';
    case 'resource-policy-statement':
      return 'resource policy';
    case 'ingress-rule':
      return 'ingress rule';
    case 'egress-rule':
      return 'egress rule';
  }
}

/** What changed, in one line. */
export function describeSecurityChange(c: SecurityChange): string {
  if (c.value === undefined) {
    if (c.change === 'changed')
      return `${c.where ?? 'policy'} changes (CloudFormation gave no values)`;
    return c.change === 'added'
      ? 'new resource; its statements or rules could not be read from the template'
      : 'resource removed, with its statements or rules';
  }
  if (c.kind === 'ingress-rule' || c.kind === 'egress-rule') return describeRule(c.value, c.kind);
  if (c.kind === 'managed-policy') return valueText(c.value) ?? '';
  return describeStatement(c.value);
}
