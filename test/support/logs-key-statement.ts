/**
 * The key-policy statement seed 002 asks for on a customer managed key ("Allow logs access"),
 * written out by hand for tests that seed an existing key: CloudWatch Logs of this Region and
 * account may use the key.
 */
export function logsKeyStatement(region = 'us-east-1', account = '123456789012') {
  return {
    Sid: 'Allow logs access',
    Effect: 'Allow',
    Principal: { Service: `logs.${region}.amazonaws.com` },
    Action: [
      'kms:Encrypt*',
      'kms:Decrypt*',
      'kms:ReEncrypt*',
      'kms:GenerateDataKey*',
      'kms:Describe*',
    ],
    Resource: '*',
    Condition: {
      ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${region}:${account}:*` },
    },
  };
}
