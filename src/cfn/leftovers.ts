import type { StackEvent } from '@aws-sdk/client-cloudformation';

/** What a resource left outside its stack goes on costing, by type (the common ones here). */
const COSTS: Readonly<Record<string, string>> = {
  'AWS::EC2::NatGateway': 'a NAT gateway is billed per hour and per GB until deleted',
  'AWS::EC2::EIP': 'an Elastic IP address is billed per hour until released',
  'AWS::EC2::VPC': "no charge, but it counts toward the Region's VPC quota (5 by default)",
  'AWS::EC2::Subnet': 'no charge, but it keeps its VPC from being deleted',
  'AWS::EC2::SecurityGroup': 'no charge, but it keeps its VPC from being deleted',
  'AWS::EC2::InternetGateway': "no charge, but it counts toward the Region's quota",
  'AWS::KMS::Key': 'a customer managed key is billed monthly until its deletion completes',
  'AWS::S3::Bucket': 'its objects are billed for storage until deleted',
};

/**
 * Resources this operation's cleanup could not delete: an update (or its rollback) ends
 * *_COMPLETE even when the cleanup phase fails to delete a removed resource or the old copy of
 * a replaced one. Each one stays in the account, outside the stack, until deleted by hand.
 */
export function cleanupLeftovers(stackName: string, events: readonly StackEvent[]): string[] {
  return events
    .filter(
      (e) =>
        e.ResourceStatus === 'DELETE_FAILED' && e.ResourceType !== 'AWS::CloudFormation::Stack',
    )
    .map((e) => {
      const cost = COSTS[e.ResourceType ?? ''] ?? 'it may be billed until deleted';
      return (
        `Stack ${stackName}: CloudFormation could not delete ${e.LogicalResourceId} (${e.ResourceType}) ` +
        `${e.PhysicalResourceId ?? ''} during cleanup: ${e.ResourceStatusReason ?? 'no reason given'}. ` +
        `It stays in the account, outside the stack; delete it by hand once what depends on it is gone (${cost}).`
      );
    });
}
