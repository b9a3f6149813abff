/** Secrets, NoEcho values and a masked account never appear in any rendering. */
import { renderForComment, renderPlanMarkdown, renderPlanText } from '../../../src/render/index.js';
import type { RenderContext } from '../../../src/render/index.js';
import type { Plan } from '../../../src/plan/model.js';
import { secretScrubber } from '../../../src/render/scrub.js';
import {
  add,
  context,
  detail,
  makePlan,
  modify,
  param,
  prereqStack,
  runContext,
  vpcStack,
} from './factories.js';

const SECRET = 'tok|en-`42`@x';
const PASSWORD = 'hunter2-correct-horse';

function leakyPlan(): Plan {
  return makePlan(
    [
      vpcStack({
        warnings: [`deploy failed: ${SECRET}`],
        changes: [
          modify('VPC', 'AWS::EC2::VPC', {
            physicalId: `vpc-${SECRET}`,
            details: [detail('Tags/0/Value', SECRET, `new ${SECRET}`)],
          }),
        ],
      }),
      prereqStack({
        parameters: [
          param('DbPassword', '****', PASSWORD),
          param('ApiKey', undefined, 'api-key-value-1'),
          param('Token', 'old-token-value', 'new-token-value'),
        ],
        changes: [
          add('Secret', 'AWS::SecretsManager::Secret', {
            after: context({
              SecretString: `{"password":"${PASSWORD}","key":"api-key-value-1"}`,
              Name: 'new-token-value',
            }),
          }),
          add('Role', 'AWS::IAM::Role', {
            after: context({
              Policies: [
                {
                  PolicyName: 'p',
                  PolicyDocument: {
                    Statement: [
                      {
                        Effect: 'Allow',
                        Action: 's3:*',
                        Resource: 'arn:aws:s3:::123456789012-dags',
                      },
                    ],
                  },
                },
              ],
            }),
          }),
        ],
      }),
    ],
    { warnings: [`note with ${SECRET}`] },
  );
}

const ctx: RenderContext = runContext({
  secrets: [SECRET],
  noEchoKeys: ['ApiKey'],
  templates: { 'analytics-prerequisites': { noEcho: ['Token'] } },
  maskAccount: true,
});

const outputs = () => ({
  markdown: renderPlanMarkdown(leakyPlan(), ctx),
  comment: renderForComment(leakyPlan(), ctx),
  text: renderPlanText(leakyPlan(), ctx),
});

test.each(['markdown', 'comment', 'text'] as const)('%s shows no secret, in any form', (which) => {
  const out = outputs()[which];
  for (const value of [
    SECRET,
    'tok',
    PASSWORD,
    'api-key-value-1',
    'old-token-value',
    'new-token-value',
    '123456789012',
  ]) {
    expect(out).not.toContain(value);
  }
  // Nor escaped: the scrubbing happens before escaping.
  expect(out).not.toContain('tok&#124;en');
  expect(out).toContain('***');
});

test('NoEcho parameters show as hidden, in both renderers', () => {
  const { markdown, text } = outputs();
  expect(markdown).toMatch(/\| DbPassword \| \*\(NoEcho: hidden\)\* \| \*\(NoEcho: hidden\)\* \|/);
  expect(markdown).toMatch(/\| ApiKey \| — \| \*\(NoEcho: hidden\)\* \|/);
  expect(text).toMatch(/DbPassword +\(NoEcho: hidden\)/);
});

test('a masked account is *** in the header and inside ARNs', () => {
  const { markdown, text } = outputs();
  expect(markdown).toContain('**Account** &#42;&#42;&#42;');
  expect(markdown).toContain('arn:aws:s3:::&#42;&#42;&#42;-dags');
  expect(text).toContain('Account ***');
});

test('without maskAccount the account shows', () => {
  const out = renderPlanMarkdown(leakyPlan(), { ...ctx, maskAccount: false });
  expect(out).toContain('**Account** 123456789012');
});

describe('secretScrubber', () => {
  test('replaces the longest secret first and ignores blank ones', () => {
    const scrub = secretScrubber(['abc', 'abcdef', '', '  ']);
    expect(scrub('xabcdefx abc y')).toBe('x***x *** y');
  });
  test('treats regex characters literally', () => {
    expect(secretScrubber(['a.c', '(x)'])('abc a.c (x)')).toBe('abc *** ***');
  });
  test('is the identity without secrets', () => {
    expect(secretScrubber([])('anything')).toBe('anything');
  });
});
