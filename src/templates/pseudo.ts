/** CloudFormation pseudo parameters (`AWS::Region`, `AWS::Partition`, ...). */

export interface PseudoParameters {
  readonly region: string;
  readonly accountId: string;
  /** Default: derived from the Region (`aws-cn`, `aws-us-gov`, else `aws`). */
  readonly partition?: string;
  /** Default: `stack`. */
  readonly stackName?: string;
  readonly stackId?: string;
  /** Default: `amazonaws.com` (`amazonaws.com.cn` in China). */
  readonly urlSuffix?: string;
  readonly notificationArns?: readonly string[];
}

/** `Ref: AWS::NoValue`: the enclosing key or list item disappears. */
export const NO_VALUE = Symbol('AWS::NoValue');

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

export function pseudoValue(name: string, p: PseudoParameters): unknown {
  const partition = p.partition ?? partitionOf(p.region);
  const stackName = p.stackName ?? 'stack';
  switch (name) {
    case 'AWS::Region':
      return p.region;
    case 'AWS::AccountId':
      return p.accountId;
    case 'AWS::Partition':
      return partition;
    case 'AWS::StackName':
      return stackName;
    case 'AWS::StackId':
      return p.stackId ?? `arn:${partition}:cloudformation:${p.region}:${p.accountId}:stack/${stackName}/id`;
    case 'AWS::URLSuffix':
      return p.urlSuffix ?? (partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com');
    case 'AWS::NotificationARNs':
      return [...(p.notificationArns ?? [])];
    case 'AWS::NoValue':
      return NO_VALUE;
    default:
      throw new Error(`Unknown pseudo parameter ${name}`);
  }
}
