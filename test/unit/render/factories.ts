/**
 * Small builders of synthetic plans for the renderer and analysis tests. Defaults follow the
 * built-in templates (logical IDs, types, retained bucket and key) so the output reads real.
 */
import { readFileSync } from 'node:fs';
import { templateFacts } from '../../../src/plan/analysis-template.js';
import type { TemplateFacts } from '../../../src/plan/analysis-template.js';
import { PLAN_MODEL_VERSION } from '../../../src/plan/model.js';
import type {
  ParameterChange,
  Plan,
  PropertyChange,
  ResourceChange,
  StackPlan,
} from '../../../src/plan/model.js';
import type { RenderContext } from '../../../src/render/context.js';

export const VPC_STACK = 'analytics-vpc';
export const PREREQ_STACK = 'analytics-prerequisites';

/** A resource context as CloudFormation gives it with IncludePropertyValues. */
export function context(
  properties: Record<string, unknown>,
  policies: { DeletionPolicy?: string; UpdateReplacePolicy?: string } = {},
): Record<string, unknown> {
  return { Properties: properties, ...policies };
}

export const RETAIN = { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' } as const;

type ChangeExtra = Partial<Omit<ResourceChange, 'logicalId' | 'type'>>;

export function add(logicalId: string, type: string, extra: ChangeExtra = {}): ResourceChange {
  return { action: 'Add', logicalId, type, scope: [], details: [], ...extra };
}

export function modify(logicalId: string, type: string, extra: ChangeExtra = {}): ResourceChange {
  return {
    action: 'Modify',
    logicalId,
    type,
    physicalId: `${logicalId.toLowerCase()}-0123`,
    replacement: 'False',
    scope: ['Properties'],
    details: [],
    ...extra,
  };
}

export function remove(logicalId: string, type: string, extra: ChangeExtra = {}): ResourceChange {
  return {
    action: 'Remove',
    logicalId,
    type,
    physicalId: `${logicalId.toLowerCase()}-0123`,
    scope: [],
    details: [],
    ...extra,
  };
}

/** A property detail with values (IncludePropertyValues), at `/Properties/<path>`. */
export function detail(
  path: string,
  before: string | undefined,
  after: string | undefined,
  extra: Partial<PropertyChange> = {},
): PropertyChange {
  return {
    attribute: 'Properties',
    name: path.split('/')[0],
    path: `/Properties/${path}`,
    requiresRecreation: 'Never',
    evaluation: 'Static',
    changeSource: 'DirectModification',
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
    ...extra,
  };
}

export function param(
  key: string,
  before: string | undefined,
  after: string | undefined,
  knownAfterDeploy?: string,
): ParameterChange {
  return {
    key,
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
    ...(knownAfterDeploy ? { knownAfterDeploy } : {}),
  };
}

type StackExtra = Partial<Omit<StackPlan, 'role'>>;

export function vpcStack(extra: StackExtra = {}): StackPlan {
  return {
    role: 'vpc',
    stackName: VPC_STACK,
    status: 'UPDATE_COMPLETE',
    action: 'update',
    source: 'change-set',
    templateSource: 'built-in',
    parameters: [param('EnvironmentName', 'analytics', 'analytics')],
    changes: [],
    warnings: [],
    ...extra,
  };
}

export function prereqStack(extra: StackExtra = {}): StackPlan {
  return {
    role: 'prerequisites',
    stackName: PREREQ_STACK,
    status: 'UPDATE_COMPLETE',
    action: 'update',
    source: 'change-set',
    templateSource: 'built-in',
    parameters: [
      param('EnvironmentName', 'analytics', 'analytics'),
      param('VpcId', 'vpc-0abc', 'vpc-0abc'),
      param('KeyMode', 'aws-owned', 'aws-owned'),
    ],
    changes: [],
    warnings: [],
    ...extra,
  };
}

export function makePlan(stacks: readonly StackPlan[], extra: Partial<Plan> = {}): Plan {
  return {
    version: PLAN_MODEL_VERSION,
    environmentName: 'analytics',
    region: 'eu-west-1',
    accountId: '123456789012',
    createdAt: '2025-01-02T03:04:05.000Z',
    keyMode: 'aws-owned',
    stacks,
    warnings: [],
    ...extra,
  };
}

function builtIn(name: string): TemplateFacts {
  return templateFacts(
    readFileSync(new URL(`../../../templates/${name}`, import.meta.url), 'utf8'),
  );
}

/** Facts of the built-in templates, by the factories' stack names. */
export function builtInFacts(): Record<string, TemplateFacts> {
  return { [VPC_STACK]: builtIn('vpc.yaml'), [PREREQ_STACK]: builtIn('mwaa-prerequisites.yaml') };
}

/** The context of a pull-request run. */
export function runContext(extra: Partial<RenderContext> = {}): RenderContext {
  return {
    mode: 'plan',
    commitSha: '0123456789abcdef0123456789abcdef01234567',
    repository: 'acme/airflow-infra',
    runUrl: 'https://github.com/acme/airflow-infra/actions/runs/42',
    templates: builtInFacts(),
    ...extra,
  };
}

/** The execution role's trust document and one inline policy. */
export function roleProperties(
  statements: readonly unknown[],
  trusted: readonly string[] = ['airflow.amazonaws.com', 'airflow-env.amazonaws.com'],
) {
  return {
    Path: '/service-role/',
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: [...trusted] }, Action: 'sts:AssumeRole' },
      ],
    },
    Policies: [
      {
        PolicyName: 'mwaa-execution',
        PolicyDocument: { Version: '2012-10-17', Statement: [...statements] },
      },
    ],
  };
}

/** A synthetic stack with `n` changes of every kind, for size and speed tests. */
export function bigStack(n: number, extra: StackExtra = {}): StackPlan {
  const changes: ResourceChange[] = [];
  for (let i = 0; i < n; i++) {
    const id = `Resource${i}`;
    const k = i % 4;
    if (k === 0)
      changes.push(
        add(id, 'AWS::EC2::Route', {
          after: context({
            DestinationCidrBlock: `10.${i % 256}.0.0/16`,
            RouteTableId: `rtb-${i}`,
          }),
        }),
      );
    else if (k === 1)
      changes.push(
        modify(id, 'AWS::EC2::Subnet', {
          details: [
            detail('Tags/0/Value', `old-${i}`, `new-${i}`),
            detail('CidrBlock', `10.0.${i % 256}.0/24`, `10.1.${i % 256}.0/24`, {
              requiresRecreation: 'Always',
            }),
          ],
          replacement: 'True',
        }),
      );
    else if (k === 2)
      changes.push(remove(id, 'AWS::S3::Bucket', { before: context({ BucketName: `b-${i}` }) }));
    else
      changes.push(
        modify(id, 'AWS::IAM::Role', {
          before: context(
            roleProperties([
              { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::b-${i}/*` },
            ]),
          ),
          after: context(roleProperties([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }])),
        }),
      );
  }
  return prereqStack({ changes, ...extra });
}
