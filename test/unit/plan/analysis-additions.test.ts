/**
 * A new stack's plan shows what its resources may do: the statements and rules of every added
 * role, key policy and security group, from the evaluated template, with values that only exist
 * after deploy marked so.
 */
import { analyzePlan } from '../../../src/plan/analysis.js';
import { templateContexts, withTemplateContexts } from '../../../src/plan/analysis-additions.js';
import type { StackPlan } from '../../../src/plan/model.js';
import { offlinePlan } from '../../../src/plan/offline.js';
import { renderForComment } from '../../../src/render/index.js';
import { inputsFrom, loadSettings } from '../../../src/settings/index.js';
import { readTemplates } from '../../../src/stacks/index.js';

async function newEnvironment(extra: Record<string, string> = {}) {
  const settings = loadSettings(
    inputsFrom({ 'environment-name': 'orders', 'aws-region': 'us-east-1', ...extra }),
    {},
  );
  return { settings, plan: offlinePlan(settings, await readTemplates(settings)) };
}

describe('the statements and rules of resources a plan adds', () => {
  it("shows seed 002's execution role statements for a new environment (AWS-owned key), in the security table", async () => {
    const { plan } = await newEnvironment();
    const security = analyzePlan(plan).securityChanges;
    const role = security.filter((c) => c.type === 'AWS::IAM::Role');
    const text = JSON.stringify(role.map((c) => c.value));
    expect(text).toContain('airflow:PublishMetrics');
    expect(text).toContain('sqs:ReceiveMessage');
    expect(text).toContain('"kms:ViaService"');
    expect(text).toContain('sqs.us-east-1.amazonaws.com');
    expect(role.some((c) => c.kind === 'trust-statement')).toBe(true);
    expect(security.every((c) => c.value !== undefined)).toBe(true);
    const comment = renderForComment(plan, { mode: 'plan' });
    const table = comment.slice(comment.indexOf('### Security-relevant changes'));
    expect(table).toContain('airflow:PublishMetrics');
    expect(table).toMatch(/sqs:ChangeMessageVisibility/);
    expect(table).toMatch(/kms:Decrypt/);
    expect(comment).not.toContain('show once the stack is planned');
  });

  it('shows the key policy and the role statement on the key the stack creates, its ARN known after deploy', async () => {
    const { plan } = await newEnvironment({ 'key-mode': 'customer-managed' });
    const security = analyzePlan(plan).securityChanges;
    const keyPolicy = security.filter((c) => c.kind === 'key-policy-statement');
    expect(JSON.stringify(keyPolicy.map((c) => c.value))).toContain('logs.us-east-1.amazonaws.com');
    const kms = security
      .filter((c) => c.kind === 'iam-statement')
      .map((c) => JSON.stringify(c.value))
      .find((s) => s.includes('kms:GenerateDataKey'));
    expect(kms).toMatch(/\(known after deploy: \w+\.Arn\)/);
  });

  it('shows the security group rules, the VPC ID known after deploy', async () => {
    const { plan } = await newEnvironment();
    const rules = analyzePlan(plan).securityChanges.filter(
      (c) => c.kind === 'ingress-rule' || c.kind === 'egress-rule',
    );
    expect(rules.length).toBeGreaterThan(0);
    const group = plan.stacks[1]?.changes.find((c) => c.type === 'AWS::EC2::SecurityGroup');
    expect(JSON.stringify(group?.after)).toContain(
      '(known after deploy: output VPC of stack orders-vpc)',
    );
  });

  it('completes a partial AfterContext from the template, keeping what CloudFormation gave', () => {
    const body = [
      'Parameters:',
      '  Secret: { Type: String, NoEcho: true }',
      'Resources:',
      '  Role:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      Description: !Ref Secret',
      '      AssumeRolePolicyDocument:',
      '        Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }]',
      '      Policies:',
      '        - PolicyName: p',
      '          PolicyDocument:',
      '            Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: !Sub "${Role.Arn}/x" }]',
    ].join('\n');
    const stack: StackPlan = {
      role: 'prerequisites',
      stackName: 's',
      status: 'CREATE_COMPLETE',
      action: 'update',
      source: 'change-set',
      templateSource: 'built-in',
      parameters: [],
      changes: [
        {
          action: 'Add',
          logicalId: 'Role',
          type: 'AWS::IAM::Role',
          scope: [],
          details: [],
          after: { Properties: { Description: 'given' } },
        },
      ],
      warnings: [],
    };
    const input = {
      templateBody: body,
      stackName: 's',
      region: 'us-east-1',
      parameters: [{ key: 'Secret', value: 'hunter2' }],
    };
    expect(JSON.stringify(templateContexts(input))).not.toContain('hunter2');
    const after = withTemplateContexts(stack, input).changes[0]?.after as {
      Properties: Record<string, unknown>;
    };
    expect(after.Properties['Description']).toBe('given');
    expect(JSON.stringify(after.Properties['Policies'])).toContain(
      '(known after deploy: Role.Arn)/x',
    );
  });
});
