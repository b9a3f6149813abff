/** Golden tests of both renderers, one plan per situation, plus what each must say. */
import {
  COMMENT_LIMIT,
  COMMENT_RESERVE,
  renderForComment,
  renderPlanMarkdown,
  renderPlanText,
} from '../../../src/render/index.js';
import { runContext } from './factories.js';
import { expectGolden } from './golden.js';
import { COMMENT_SCENARIOS, SCENARIOS } from './scenarios.js';

type Name = keyof typeof SCENARIOS;
const md = (name: Name) => renderPlanMarkdown(SCENARIOS[name](), runContext());
const text = (name: Name) => renderPlanText(SCENARIOS[name](), runContext());

describe.each(Object.keys(SCENARIOS) as Name[])('%s', (name) => {
  test('markdown matches its golden file', () => expectGolden(`${name}.md`, md(name)));
  test('text matches its golden file', () => expectGolden(`${name}.txt`, text(name)));
});

describe.each(Object.keys(COMMENT_SCENARIOS) as (keyof typeof COMMENT_SCENARIOS)[])(
  '%s',
  (name) => {
    test('the PR comment matches its golden file', () =>
      expectGolden(
        `${name}.comment.md`,
        renderForComment(COMMENT_SCENARIOS[name](), runContext()),
      ));
  },
);

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

  test('a CIDR change replaces the subnet, names the parameter that caused it, and may replace what refers to it', () => {
    const out = md('cidr-change');
    expect(out).toContain('🛑 **Destructive: 2 changes (0 to add, 2 to modify, 0 to remove)');
    expect(out).toMatch(
      /\[!CAUTION\][^]*\*\*PrivateSubnet1 \(AWS::EC2::Subnet\) in stack analytics-vpc\*\* is replaced: an MWAA environment cannot move to other subnets/,
    );
    expect(out).toMatch(/\[!WARNING\][^]*PrivateSubnet1RouteTableAssociation[^]*may be replaced/);
    expect(out).toContain('| PrivateSubnet1CIDR | 10.192.20.0/24 | 10.192.30.0/24 |');
    expect(out).toContain('5 unchanged parameters not shown.');
    expect(out).toContain('| ± replace ⚠️ | PrivateSubnet1 | AWS::EC2::Subnet | True |');
    // CloudFormation reports the change once per cause; one row, naming the parameter.
    expect(out).toContain(
      '| CidrBlock | 10.192.20.0/24 | 10.192.30.0/24 | Always | parameter PrivateSubnet1CIDR |',
    );
    expect(out).toContain(
      '| ± may replace | PrivateSubnet1RouteTableAssociation | AWS::EC2::SubnetRouteTableAssociation | Conditional |',
    );
    expect(out).toMatch(
      /\| SubnetId \| subnet-0a1b2c3d4e5f60718 \| .* \| Always \| resource PrivateSubnet1 \|/,
    );
    expect(out).toMatch(/### analytics-prerequisites \(prerequisites\)\n\n[^\n]+\n\nNo changes\./);
    expect(text('cidr-change')).toMatch(
      /^!! PrivateSubnet1 \(AWS::EC2::Subnet\) in stack analytics-vpc is replaced/m,
    );
  });

  test('a huge plan is shortened to fit a comment, keeping the verdict, the warnings and the counts', () => {
    const out = renderForComment(COMMENT_SCENARIOS.huge(), runContext());
    expect(out.length).toBeLessThanOrEqual(COMMENT_LIMIT - COMMENT_RESERVE);
    expect(out).toContain(
      '🛑 **Destructive: 1500 changes (1020 to add, 475 to modify, 5 to remove); 9 of them remove or replace a resource.**',
    );
    for (const id of ['IsolatedSubnet4', 'LegacyLogGroup5'])
      expect(out).toMatch(new RegExp(`> - \\*\\*${id} \\(`));
    expect(out).toContain('| analytics-vpc | UPDATE&#95;COMPLETE | update | 420 | 204 | 0 | 4 |');
    expect(out).toContain(
      '| analytics-prerequisites | UPDATE&#95;COMPLETE | update | 600 | 271 | 5 | 0 |',
    );
    expect(out).toMatch(
      /> This comment is shortened to fit GitHub's size limit for comments; left out: \d+ property details, \d+ resource rows\./,
    );
    expect(out).toMatch(/\| … \| \d+ more not shown \(see the job summary\) \| \| \|/);
    expect(out).toMatch(/<sub>mwaa-deploy · plan made .*<\/sub>$/);
  });
});
