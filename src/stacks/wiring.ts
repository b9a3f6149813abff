/**
 * How the VPC stack's outputs feed the prerequisite stack's parameters. The prerequisite
 * template takes the VPC by parameter rather than Fn::ImportValue, so either stack can change
 * without CloudFormation's export locks.
 */
export const VPC_OUTPUT_FOR_PARAMETER: Readonly<Record<string, string>> = Object.freeze({
  VpcId: 'VPC',
});

/** The outputs the VPC stack must have for the prerequisite stack and for MWAA. */
export const VPC_OUTPUTS = Object.freeze([
  'VPC',
  'PublicSubnets',
  'PrivateSubnets',
  'PublicSubnet1',
  'PublicSubnet2',
  'PrivateSubnet1',
  'PrivateSubnet2',
  'NoIngressSecurityGroup',
] as const);

/** The outputs the prerequisite stack must have; KmsKeyArn only in customer-managed mode. */
export const PREREQUISITE_OUTPUTS = Object.freeze([
  'BucketName',
  'BucketArn',
  'ExecutionRoleArn',
  'SecurityGroupId',
] as const);
