/** Golden tests of both renderers, one plan per situation, plus what each must say. */
import { renderPlanMarkdown, renderPlanText } from '../../../src/render/index.js';
import { runContext } from './factories.js';
import { expectGolden } from './golden.js';
import { SCENARIOS } from './scenarios.js';

type Name = keyof typeof SCENARIOS;
const md = (name: Name) => renderPlanMarkdown(SCENARIOS[name](), runContext());
const text = (name: Name) => renderPlanText(SCENARIOS[name](), runContext());

describe.each(Object.keys(SCENARIOS) as Name[])('%s', (name) => {
  test('markdown matches its golden file', () => expectGolden(`${name}.md`, md(name)));
  test('text matches its golden file', () => expectGolden(`${name}.txt`, text(name)));
});

describe('what each plan says', () => {
  test('a new environment: all additions, VPC-dependent values known after deploy', () => {
    const out = md('new-environment');
    expect(out).toContain('📝 **9 changes (9 to add, 0 to modify, 0 to remove).**');
    expect(out).toContain('*known after deploy*: output VPC of stack analytics-vpc');
    expect(out).toContain('Planned from the template');
    expect(out).not.toContain('[!CAUTION]');
    expect(out).toContain('```mermaid');
    expect(text('new-environment')).toMatch(
      /VpcId +\(known after deploy: output VPC of stack analytics-vpc\)/,
    );
  });

  test('an update shows before and after of each changed property', () => {
    const out = md('property-update');
    expect(out).toContain('| VersioningConfiguration/Status | Suspended | Enabled | Never |  |');
    expect(out).toContain('| Tags/0/Value | data | data-platform |  |  |');
    expect(out).toContain('| EnableDnsHostnames | false | true | Never |  |');
    expect(out).toContain('CloudFormation gave no values for these properties.');
    expect(text('property-update')).toContain(
      'VersioningConfiguration/Status: Suspended -> Enabled',
    );
  });

  test('a destructive plan warns first, and says a retained bucket is kept but replaced by an empty one', () => {
    const out = md('destructive');
    expect(out.indexOf('[!CAUTION]')).toBeLessThan(out.indexOf('| Stack |'));
    expect(out).toContain('🛑 **Destructive');
    expect(out).toContain('the new one starts empty and the environment must be pointed at it');
    expect(out).toContain(
      '**Key (AWS::KMS::Key) in stack analytics-prerequisites** is removed from the stack but retained',
    );
    expect(out).not.toContain('deleted with its data');
    expect(out).toContain('| ± replace ⚠️ | Bucket | AWS::S3::Bucket | True |');
    expect(out).toMatch(/\[!WARNING\][^]*DefaultPrivateRoute1[^]*may be replaced/);
    expect(text('destructive')).toMatch(/^!! Bucket \(AWS::S3::Bucket\)/m);
  });

  test('a key-mode switch is called out', () => {
    const out = md('key-mode-switch');
    expect(out).toContain(
      'The key mode (aws-owned → customer-managed-new) of stack analytics-prerequisites',
    );
    expect(out).toContain('cannot change its encryption');
    expect(out).toContain('| KeyMode | aws-owned | customer-managed-new |');
  });

  test('IAM statements and trust principals added and removed are listed', () => {
    const out = md('iam-change');
    expect(out).toMatch(
      /\| \+ \| ExecutionRole \| analytics-prerequisites \| IAM policy mwaa-execution \| Allow s3:PutObject on/,
    );
    expect(out).toMatch(
      /\| - \| ExecutionRole \| [^|]+ \| IAM policy mwaa-execution \| Allow cloudwatch:PutMetricData on &#42; \|/,
    );
    expect(out).toMatch(
      /\| \+ \| ExecutionRole \| [^|]+ \| trust policy \| Allow sts:AssumeRole for Service [^|]*ec2.amazonaws.com/,
    );
    // The unchanged S3 statement moved position: no change.
    expect(out).not.toMatch(
      /\| [+-] \| ExecutionRole \| [^|]+ \| IAM policy mwaa-execution \| Allow s3:GetObject/,
    );
  });

  test('security group rules changed, added and removed are listed, ingress from anywhere flagged', () => {
    const out = md('security-group-change');
    expect(out).toContain(
      '| - | SecurityGroup | analytics-prerequisites | egress rule | all traffic to 0.0.0.0/0 - All outbound traffic |',
    );
    expect(out).toContain(
      '| + | SecurityGroup | analytics-prerequisites | egress rule | tcp port 443 to 0.0.0.0/0 - HTTPS out |',
    );
    expect(out).toContain(
      '| + | WebIngress | analytics-prerequisites | ingress rule | ⚠️ broad: tcp port 443 from 0.0.0.0/0',
    );
    expect(out).toContain(
      '| - | SecurityGroupSelfIngress | analytics-prerequisites | ingress rule | all traffic from sg-0123',
    );
  });

  test('no changes says so and shows no tables of resources, details or diagram', () => {
    const out = md('no-changes');
    expect(out).toContain('✅ **No changes.**');
    expect(out).not.toContain('<details>');
    expect(out).not.toContain('**Resources**');
    expect(out).not.toContain('mermaid');
    expect(text('no-changes')).toContain('No changes.');
  });
});
