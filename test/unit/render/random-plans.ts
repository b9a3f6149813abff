/**
 * Random plans for the property tests: a small seeded PRNG (mulberry32) and a generator of
 * plans with 0 to 3,000 changes whose every string may be hostile (pipes, backslashes, runs of
 * backticks, HTML, mentions, issue references, line breaks, workflow commands, headings, alerts,
 * emoji, bidi overrides, control characters, 10,000-character values, empty strings).
 * The same seed always gives the same plan, so a failure names the seed that reproduces it.
 */
import type {
  ParameterChange,
  Plan,
  PropertyChange,
  ResourceAction,
  ResourceChange,
  StackPlan,
} from '../../../src/plan/model.js';
import type { RenderContext } from '../../../src/render/context.js';
import { builtInFacts, makePlan, PREREQ_STACK, VPC_STACK } from './factories.js';

/** One step of mulberry32, a tiny PRNG with 32 bits of state: the next state and a number in [0, 1). */
export function mulberry32(state: number): [number, number] {
  const a = (state + 0x6d2b79f5) >>> 0;
  let t = Math.imul(a ^ (a >>> 15), a | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [a, ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296];
}

export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  private next(): number {
    const [state, value] = mulberry32(this.state);
    this.state = state;
    return value;
  }
  float(): number {
    return this.next();
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)] as T;
  }
}

/** Short pieces of text that mean something to markdown, HTML, GitHub or the runner. */
export const HOSTILE_FRAGMENTS: readonly string[] = [
  '|',
  'a|b||c',
  '| --- | forged row |',
  '\\',
  '\\|',
  'trailing\\',
  '`',
  '``',
  '```',
  '````',
  '```````````',
  '```js\nalert(1)\n```',
  '~~~',
  '</details>',
  '<details>',
  '<details open><summary>forged</summary>',
  '<summary>',
  '</summary>',
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js>',
  '<img src=x onerror=alert(1)>',
  '<!-- hidden',
  '-->',
  '<!-- x -->',
  '</table></td>',
  '<br>',
  '@user',
  '@org/team',
  '@octocat,@github/security',
  'mail@example.com',
  '#123',
  'acme/airflow-infra#42',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  'line one\nline two',
  '::error::boom',
  '::set-output name=pwned::yes',
  '\n::error file=x,line=1::injected',
  '::add-mask::',
  '# Heading',
  '\n# Heading\n',
  '## ',
  '> [!NOTE]',
  '\n> [!CAUTION]\n> forged warning',
  '* item',
  '- item',
  '1. item',
  '---',
  '***',
  '**bold**',
  '_it_',
  '~~strike~~',
  '[link](https://evil.example)',
  '![img](https://evil.example/x.png)',
  '[x]: https://evil.example',
  '&#124;',
  '&amp;',
  '&',
  '"quoted"',
  "'single'",
  '{{changeSet:KNOWN_AFTER_APPLY}}',
  '%%{init: {"theme": "dark"}}%%',
  'end',
  '"]:::remove',
  '😀',
  '👩‍👩‍👧',
  '🏳️‍🌈',
  '\u202e',
  '\u202dgnp.exe\u202c',
  '\u2066isolate\u2069',
  '\u200d',
  '\u200b',
  '\ufeff',
  '\u2028',
  '\u00a0',
  '\t',
  '\u0000',
  '\u0007',
  '\u001b[31mred\u001b[0m',
  '\u001b]0;title\u0007',
  '\u007f',
  '\u0085',
  '\u009b2J',
  '$(rm -rf /)',
  '${{ secrets.TOKEN }}',
  '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
  '[1, 2',
  '{"a": "```"}',
  '',
  ' ',
];

const PLAIN: readonly string[] = [
  'analytics',
  'Bucket',
  'vpc-0abc',
  '10.192.20.0/24',
  'arn:aws:s3:::analytics-dags/*',
  'true',
  'Enabled',
  'subnet-0123',
  'value',
];

/** Very long values: 10,000 UTF-16 units each. */
export const LONG_STRINGS: readonly string[] = [
  'x'.repeat(10_000),
  '|'.repeat(10_000),
  '`'.repeat(10_000),
  '\\'.repeat(10_000),
  '😀'.repeat(5_000),
  '@user '.repeat(1_667).slice(0, 10_000),
  '</details>'.repeat(1_000),
  '\n'.repeat(10_000),
  '::error::x\n'.repeat(910).slice(0, 10_000),
  '\u202e'.repeat(10_000),
  '<!--'.repeat(2_500),
  `{"Statement": [${'{"Effect":"Allow","Action":"s3:*","Resource":"```|@a"},'.repeat(180)}{}]}`,
];

const ACTIONS: readonly ResourceAction[] = [
  'Add',
  'Add',
  'Modify',
  'Modify',
  'Modify',
  'Remove',
  'Import',
  'Dynamic',
];

const TYPES: readonly string[] = [
  'AWS::S3::Bucket',
  'AWS::KMS::Key',
  'AWS::KMS::Alias',
  'AWS::Logs::LogGroup',
  'AWS::DynamoDB::Table',
  'AWS::SecretsManager::Secret',
  'AWS::EC2::VPC',
  'AWS::EC2::Subnet',
  'AWS::EC2::Route',
  'AWS::EC2::SubnetRouteTableAssociation',
  'AWS::EC2::SecurityGroup',
  'AWS::EC2::SecurityGroupIngress',
  'AWS::EC2::SecurityGroupEgress',
  'AWS::IAM::Role',
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::S3::BucketPolicy',
  'AWS::SSM::Parameter',
  'Custom::Hostile',
];

const SECURITY_TYPES = new Set([
  'AWS::IAM::Role',
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::S3::BucketPolicy',
  'AWS::KMS::Key',
  'AWS::EC2::SecurityGroup',
  'AWS::EC2::SecurityGroupIngress',
  'AWS::EC2::SecurityGroupEgress',
]);

/** How hostile one plan is: how often a string is hostile, and how often it is 10,000 long. */
interface Mood {
  readonly hostile: number;
  readonly long: number;
}

class PlanGenerator {
  constructor(
    private readonly r: Random,
    private readonly mood: Mood,
  ) {}

  /** A string, often hostile: one to four fragments, sometimes empty, rarely very long. */
  text(plain = 'value'): string {
    const r = this.r;
    if (r.chance(this.mood.long)) return r.pick(LONG_STRINGS);
    if (!r.chance(this.mood.hostile)) return r.chance(0.5) ? plain : r.pick(PLAIN);
    if (r.chance(0.05)) return '';
    const parts: string[] = [];
    for (let i = r.int(1, 4); i > 0; i--)
      parts.push(r.chance(0.7) ? r.pick(HOSTILE_FRAGMENTS) : r.pick(PLAIN));
    return parts.join(r.chance(0.5) ? '' : ' ');
  }

  maybe(p: number, plain?: string): string | undefined {
    return this.r.chance(p) ? this.text(plain) : undefined;
  }

  /** A JSON-like value of hostile strings, a few levels deep. */
  value(depth = 0): unknown {
    const r = this.r;
    const k = r.int(0, depth > 2 ? 1 : 4);
    if (k <= 1) return this.text();
    if (k === 2) return Array.from({ length: r.int(0, 3) }, () => this.value(depth + 1));
    if (k === 3) return r.pick([true, false, 0, 42, null]);
    const out: Record<string, unknown> = {};
    for (let i = r.int(0, 4); i > 0; i--) out[this.text('Key')] = this.value(depth + 1);
    return out;
  }

  statement(): Record<string, unknown> {
    const r = this.r;
    return {
      ...(r.chance(0.3) ? { Sid: this.text('Sid') } : {}),
      Effect: r.chance(0.8) ? 'Allow' : this.text('Deny'),
      Action: r.chance(0.2) ? '*' : [this.text('s3:GetObject'), this.text('s3:List*')],
      ...(r.chance(0.8) ? { Resource: this.text('*') } : { NotResource: this.text('arn') }),
      ...(r.chance(0.3) ? { Principal: r.chance(0.5) ? '*' : { AWS: this.text('*') } } : {}),
      ...(r.chance(0.2) ? { Condition: { StringLike: { [this.text('k')]: this.text() } } } : {}),
    };
  }

  rule(): Record<string, unknown> {
    const r = this.r;
    return {
      IpProtocol: r.pick(['-1', 'tcp', this.text('udp')]),
      ...(r.chance(0.6) ? { FromPort: this.text('443'), ToPort: this.text('443') } : {}),
      ...(r.chance(0.5) ? { CidrIp: r.chance(0.5) ? '0.0.0.0/0' : this.text() } : {}),
      ...(r.chance(0.3) ? { SourceSecurityGroupId: this.text('sg-0123') } : {}),
      ...(r.chance(0.4) ? { Description: this.text() } : {}),
    };
  }

  /** Properties shaped like the resource type's, so the security analysis reads them. */
  properties(type: string): Record<string, unknown> {
    const r = this.r;
    const list = <T>(make: () => T): T[] => Array.from({ length: r.int(0, 3) }, make);
    const doc = () => ({ Version: '2012-10-17', Statement: list(() => this.statement()) });
    const props: Record<string, unknown> = {};
    for (let i = r.int(0, 3); i > 0; i--) props[this.text('Prop')] = this.value();
    if (!SECURITY_TYPES.has(type)) return props;
    switch (type) {
      case 'AWS::IAM::Role':
        props['AssumeRolePolicyDocument'] = doc();
        props['Policies'] = list(() => ({ PolicyName: this.text('p'), PolicyDocument: doc() }));
        props['ManagedPolicyArns'] = list(() => this.text('arn:aws:iam::aws:policy/x'));
        break;
      case 'AWS::EC2::SecurityGroup':
        props['SecurityGroupIngress'] = list(() => this.rule());
        props['SecurityGroupEgress'] = list(() => this.rule());
        break;
      case 'AWS::EC2::SecurityGroupIngress':
      case 'AWS::EC2::SecurityGroupEgress':
        Object.assign(props, this.rule());
        break;
      case 'AWS::KMS::Key':
        props['KeyPolicy'] = r.chance(0.3) ? JSON.stringify(doc()) : doc();
        break;
      default:
        props['PolicyDocument'] = r.chance(0.3) ? JSON.stringify(doc()) : doc();
        props['PolicyName'] = this.text('policy');
        props['ManagedPolicyName'] = this.text('policy');
    }
    return props;
  }

  context(type: string): unknown {
    const r = this.r;
    if (r.chance(0.05)) return this.text('not json');
    if (r.chance(0.03)) return null;
    const policy = () =>
      r.pick(['Retain', 'Delete', 'Snapshot', 'RetainExceptOnCreate', this.text()]);
    return {
      Properties: this.properties(type),
      ...(r.chance(0.3) ? { DeletionPolicy: policy() } : {}),
      ...(r.chance(0.3) ? { UpdateReplacePolicy: policy() } : {}),
    };
  }

  detail(): PropertyChange {
    const r = this.r;
    const name = this.maybe(0.8, 'CidrBlock');
    const path = r.chance(0.7) ? `/Properties/${this.text('Tags/0/Value')}` : undefined;
    const before = this.maybe(0.6);
    const after = this.maybe(0.6);
    const recreation = r.pick(['Never', 'Conditionally', 'Always', undefined] as const);
    const causingEntity = this.maybe(0.5, 'PrivateSubnet1CIDR');
    const evaluation = this.maybe(0.5, 'Static');
    const changeSource = r.pick([
      'ResourceReference',
      'ParameterReference',
      'ResourceAttribute',
      'DirectModification',
      'Automatic',
      undefined,
    ]);
    return {
      attribute: r.pick(['Properties', 'Tags', 'Metadata', 'DeletionPolicy', this.text()]),
      ...(name !== undefined ? { name } : {}),
      ...(path !== undefined ? { path } : {}),
      ...(recreation ? { requiresRecreation: recreation } : {}),
      ...(before !== undefined ? { before } : {}),
      ...(after !== undefined ? { after } : {}),
      ...(evaluation !== undefined ? { evaluation } : {}),
      ...(changeSource ? { changeSource } : {}),
      ...(causingEntity !== undefined ? { causingEntity } : {}),
    };
  }

  change(i: number): ResourceChange {
    const r = this.r;
    const action = r.pick(ACTIONS);
    const type = r.chance(0.95) ? r.pick(TYPES) : this.text('AWS::X::Y');
    const replacement = r.pick(['True', 'False', 'Conditional', undefined] as const);
    const physicalId = this.maybe(0.5, `phys-${i}`);
    const count = r.chance(0.01) ? r.int(150, 260) : r.int(0, 4);
    const before = action !== 'Add' && r.chance(0.4) ? this.context(type) : undefined;
    const after = action !== 'Remove' && r.chance(0.4) ? this.context(type) : undefined;
    return {
      action,
      logicalId: r.chance(0.8) ? `Resource${i}` : this.text(`Resource${i}`),
      type,
      ...(physicalId !== undefined ? { physicalId } : {}),
      ...(replacement && (action === 'Modify' || r.chance(0.1)) ? { replacement } : {}),
      scope: r.chance(0.5) ? ['Properties'] : [this.text('Tags')],
      details: Array.from({ length: count }, () => this.detail()),
      ...(before !== undefined ? { before } : {}),
      ...(after !== undefined ? { after } : {}),
    };
  }

  parameter(i: number): ParameterChange {
    const r = this.r;
    const key = r.chance(0.1) ? 'KeyMode' : r.chance(0.7) ? `Param${i}` : this.text(`Param${i}`);
    const side = () =>
      r.chance(0.15) ? '****' : r.chance(0.15) ? undefined : this.text(`value-${i}`);
    const before = side();
    const after = r.chance(0.4) ? before : side();
    const known = this.maybe(0.1, 'output VPC of stack analytics-vpc');
    return {
      key,
      ...(before !== undefined ? { before } : {}),
      ...(after !== undefined ? { after } : {}),
      ...(known !== undefined ? { knownAfterDeploy: known } : {}),
    };
  }

  stack(role: StackPlan['role'], changes: number): StackPlan {
    const r = this.r;
    const name = role === 'vpc' ? VPC_STACK : PREREQ_STACK;
    return {
      role,
      stackName: r.chance(0.2) ? this.text(name) : name,
      status: r.chance(0.3) ? this.text('UPDATE_COMPLETE') : 'UPDATE_COMPLETE',
      action:
        changes === 0 ? r.pick(['none', 'update'] as const) : r.pick(['create', 'update'] as const),
      source: r.chance(0.8) ? 'change-set' : 'template',
      templateSource: r.chance(0.8) ? 'built-in' : this.text('infra/template.yaml'),
      parameters: Array.from({ length: r.int(0, 7) }, (_, i) => this.parameter(i)),
      changes: Array.from({ length: changes }, (_, i) => this.change(i)),
      warnings: Array.from({ length: r.chance(0.1) ? r.int(10, 30) : r.int(0, 2) }, () =>
        this.text('note'),
      ),
    };
  }
}

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/** The number of changes of a random plan: mostly small, sometimes up to 3,000. */
function changeCount(r: Random): number {
  const x = r.float();
  if (x < 0.05) return 0;
  if (x < 0.72) return r.int(1, 40);
  if (x < 0.97) return r.int(41, 300);
  return r.int(301, 3_000);
}

let facts: ReturnType<typeof builtInFacts> | undefined;

/** The plan and the render context of one seed. */
export function randomPlan(seed: number): { plan: Plan; ctx: RenderContext } {
  const r = new Random(seed);
  const total = changeCount(r);
  // A big plan full of 10,000-character values would only test the machine's memory.
  const mood: Mood = {
    hostile: r.pick([0.05, 0.3, 0.7, 1]),
    long:
      total > 300
        ? r.pick([0, 0.0005])
        : total > 40
          ? r.pick([0, 0.005, 0.03])
          : r.pick([0, 0.03, 0.2]),
  };
  const g = new PlanGenerator(r, mood);
  const vpc = r.int(0, total);
  const stacks = r.chance(0.1)
    ? [g.stack(r.chance(0.5) ? 'vpc' : 'prerequisites', total)]
    : [g.stack('vpc', vpc), g.stack('prerequisites', total - vpc)];
  const plan = makePlan(stacks, {
    environmentName: r.chance(0.3) ? g.text('analytics') : 'analytics',
    ...(r.chance(0.2) ? { region: g.text('eu-west-1') } : {}),
    ...(r.chance(0.3) ? { accountId: g.text('123456789012') } : {}),
    ...(r.chance(0.1) ? { createdAt: g.text('2025-01-02T03:04:05.000Z') } : {}),
    keyMode: g.text('aws-owned'),
    warnings: Array.from({ length: r.chance(0.1) ? r.int(10, 30) : r.int(0, 2) }, () =>
      g.text('note'),
    ),
  });
  facts ??= builtInFacts();
  const ctx: RenderContext = {
    mode: r.chance(0.8) ? 'plan' : g.text('plan'),
    ...(r.chance(0.7)
      ? { commitSha: r.chance(0.7) ? '0123456789abcdef0123456789abcdef01234567' : g.text('sha') }
      : {}),
    ...(r.chance(0.7) ? { repository: r.chance(0.8) ? 'acme/airflow-infra' : g.text('repo') } : {}),
    ...(r.chance(0.7)
      ? {
          runUrl: r.chance(0.7)
            ? 'https://github.com/acme/airflow-infra/actions/runs/42'
            : // Without controls: safeUrl lets them through (see "known renderer bugs" in
              // property.test.ts); the rest of the hostile text is fair game.
              `https://github.com/${g.text('x').replace(CONTROLS, '')}`,
        }
      : {}),
    ...(r.chance(0.2) ? { maskAccount: true } : {}),
    ...(r.chance(0.2) ? { secrets: [g.text('s3cr3t'), g.text('')] } : {}),
    ...(r.chance(0.1) ? { noEchoKeys: ['Param0', g.text('Param1')] } : {}),
    ...(r.chance(0.5) ? { templates: facts } : {}),
    ...(r.chance(0.1) ? { statefulTypes: ['AWS::SSM::Parameter', g.text('Custom::Hostile')] } : {}),
  };
  return { plan, ctx };
}
