/** A golden plan with failed "will it create?" pre-checks on the environment stack. */
import type { Plan } from '../../../src/plan/model.js';
import { add, param } from './factories.js';
import { newEnvironment } from './scenarios.js';

const KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** A first deploy with an existing key whose policy lacks the logs statement, and subnets in one AZ. */
export function failedPrechecks(): Plan {
  const plan = newEnvironment();
  const statement = JSON.stringify(
    {
      Sid: 'Allow logs access',
      Effect: 'Allow',
      Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
      Action: ['kms:Encrypt*', 'kms:Decrypt*'],
      Resource: '*',
    },
    null,
    2,
  );
  return {
    ...plan,
    keyMode: 'customer-managed',
    stacks: [
      ...plan.stacks,
      {
        role: 'environment',
        stackName: 'analytics-mwaa-environment',
        status: 'MISSING',
        action: 'create',
        source: 'template',
        templateSource: 'built-in',
        parameters: [param('EnvironmentName', undefined, 'analytics')],
        changes: [add('Environment', 'AWS::MWAA::Environment')],
        warnings: [],
        failedPrechecks: [
          {
            id: 'kms-key-policy',
            title: 'KMS key policy lets CloudWatch Logs use the key',
            details: `the key policy of ${KEY_ARN} has no statement allowing logs.eu-west-1.amazonaws.com; the stack does not manage the policy of an existing key; add this statement to the key policy of ${KEY_ARN}:\n${statement}`,
            allowable: true,
          },
          {
            id: 'private-subnets',
            title: 'Two private subnets in the VPC, in two Availability Zones, with IPv4',
            details: 'subnet-1 and subnet-2 are both in eu-west-1a; MWAA needs two AZs',
            allowable: false,
          },
        ],
      },
    ],
  };
}
