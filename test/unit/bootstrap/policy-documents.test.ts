/**
 * policies/*.json say what the template's roles say: each document, its placeholders filled,
 * equals the template's policy rendered with the same values, so neither can drift. Also the
 * shape of the template itself: what it creates, its parameters' rules, IAM's size limit.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { checkParameters, failedRules } from '../../../src/templates/index.js';
import {
  ACCOUNT,
  FAKE_PSEUDO,
  INLINE_POLICY_LIMIT,
  MANAGED_POLICY_LIMIT,
  PLACEHOLDERS,
  POLICY_FILES,
  ROOT,
  TEST_PARAMETERS,
  accessTemplate,
  fillPlaceholders,
  parametersFor,
  policyFileTexts,
  policySize,
  pseudoFor,
  readPolicyFile,
  readmeBootstrapParameters,
  renderAccessTemplate,
} from '../../support/bootstrap/access-template.js';
import type { Placeholder } from '../../support/bootstrap/access-template.js';
import { assertRendered } from '../../support/bootstrap/iam-policy.js';

const VALUES: Record<Placeholder, string> = {
  partition: 'aws',
  region: 'eu-west-1',
  account: '210987654321',
  owner: 'acme',
  repo: 'airflow-infra',
  deploy_branch: 'release',
  deploy_environment: 'production',
  environment_name: 'orders_prod',
  stack_prefix: 'orders-prod',
  bucket_pattern: 'acme-orders-dags',
  boundary_arn:
    'arn:aws:iam::210987654321:policy/mwaa-deploy-access-orders-ExecutionRoleBoundary-X1',
};

const files = Object.keys(POLICY_FILES) as (keyof typeof POLICY_FILES)[];

describe('policies/*.json and the template', () => {
  // `UPDATE_GOLDEN=1 npm test` rewrites them from the template (review the diff).
  it.each(files)('%s is the template rendered with placeholders', async (file) => {
    const expected = (await policyFileTexts())[file];
    if (process.env.UPDATE_GOLDEN === '1')
      writeFileSync(new URL(`policies/${file}`, ROOT), expected);
    expect(readPolicyFile(file)).toBe(expected);
  });

  it.each(files)('%s equals the template rendered with the same values', (file) => {
    const rendered = renderAccessTemplate(
      parametersFor(VALUES),
      pseudoFor(VALUES),
      VALUES.boundary_arn,
    );
    const document = fillPlaceholders(readPolicyFile(file), VALUES);
    assertRendered(document);
    expect(document).toEqual(rendered[POLICY_FILES[file]]);
  });

  it('also in the GovCloud partition, and with the default bucket pattern', () => {
    const values = { ...VALUES, partition: 'aws-us-gov', region: 'us-gov-west-1' };
    const rendered = renderAccessTemplate(
      { ...parametersFor(values), BucketNamePattern: '' },
      pseudoFor(values),
      values.boundary_arn,
    );
    const filled = {
      ...values,
      bucket_pattern: `${values.stack_prefix}-mwaa-prerequisites-bucket-*`,
    };
    for (const file of files) {
      expect(fillPlaceholders(readPolicyFile(file), filled)).toEqual(rendered[POLICY_FILES[file]]);
    }
    expect(JSON.stringify(rendered.deployPolicy)).toContain(
      'arn:aws-us-gov:s3:::orders-prod-mwaa-prerequisites-bucket-*',
    );
  });

  it('would notice a document that drifted from the template', () => {
    const drifted = readPolicyFile('plan-role.json').replace(
      '"cloudformation:GetTemplate"',
      '"cloudformation:GetTemplateSummary"',
    );
    const rendered = renderAccessTemplate(
      parametersFor(VALUES),
      pseudoFor(VALUES),
      VALUES.boundary_arn,
    );
    expect(fillPlaceholders(drifted, VALUES)).not.toEqual(rendered.planPolicy);
  });

  it('uses only the documented placeholders, and documents each of them', () => {
    const readme = readFileSync(new URL('policies/README.md', ROOT), 'utf8');
    const used = new Set(
      files.flatMap((f) => [...readPolicyFile(f).matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1])),
    );
    expect([...used].sort()).toEqual([...PLACEHOLDERS].sort());
    for (const name of PLACEHOLDERS) expect(readme).toContain(`\`{${name}}\``);
    for (const file of files) expect(readme).toContain(file);
  });

  it('keeps each policy within IAM’s size limits, even with the longest prefix', () => {
    const longest = 'a'.repeat(100);
    for (const prefix of [TEST_PARAMETERS.StackNamePrefix!, longest]) {
      const rendered = renderAccessTemplate({
        ...TEST_PARAMETERS,
        StackNamePrefix: prefix,
        EnvironmentName: prefix.slice(0, 80),
      });
      for (const policy of [rendered.planPolicy, rendered.deployInlinePolicy]) {
        expect(policySize(policy)).toBeLessThan(INLINE_POLICY_LIMIT);
      }
      for (const policy of [
        rendered.deployResourcesPolicy,
        rendered.deployEnvironmentPolicy,
        rendered.boundaryPolicy,
      ]) {
        expect(policySize(policy)).toBeLessThan(MANAGED_POLICY_LIMIT);
      }
    }
  });

  it('gives every statement a unique Sid and names no principal in role policies', () => {
    const rendered = renderAccessTemplate(TEST_PARAMETERS);
    for (const policy of [rendered.planPolicy, rendered.deployPolicy]) {
      const sids = policy.Statement.map((s) => s.Sid);
      expect(sids.every((s) => typeof s === 'string' && /^[A-Za-z0-9]+$/.test(s))).toBe(true);
      expect(new Set(sids).size).toBe(sids.length);
      expect(policy.Statement.every((s) => s.Principal === undefined)).toBe(true);
    }
  });
});

describe('templates/github-oidc-roles.yaml', () => {
  const template = accessTemplate();

  it('creates the OIDC provider for GitHub with the STS audience, or reuses the given one', () => {
    const provider = template.Resources.GitHubOidcProvider!;
    expect(provider.Type).toBe('AWS::IAM::OIDCProvider');
    expect(provider.Properties).toEqual({
      Url: 'https://token.actions.githubusercontent.com',
      ClientIdList: ['sts.amazonaws.com'],
    });
    expect(provider.Condition).toBe('CreateOidcProvider');
    expect(provider.DeletionPolicy).toBe('Retain');

    const existing = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
    const reused = renderAccessTemplate({ ...TEST_PARAMETERS, ExistingOidcProviderArn: existing });
    expect(reused.conditions.CreateOidcProvider).toBe(false);
    for (const trust of [reused.planTrust, reused.deployTrust]) {
      expect(trust.Statement[0]?.Principal).toEqual({ Federated: existing });
    }
  });

  it('creates exactly the provider, the boundary, the two roles and their managed policies, and names no IAM resource', () => {
    expect(Object.entries(template.Resources).map(([id, r]) => [id, r.Type])).toEqual([
      ['GitHubOidcProvider', 'AWS::IAM::OIDCProvider'],
      ['ExecutionRoleBoundary', 'AWS::IAM::ManagedPolicy'],
      ['PlanRole', 'AWS::IAM::Role'],
      ['DeployRole', 'AWS::IAM::Role'],
      ['DeployResourcesPolicy', 'AWS::IAM::ManagedPolicy'],
      ['DeployEnvironmentPolicy', 'AWS::IAM::ManagedPolicy'],
    ]);
    expect(JSON.stringify(template.Resources)).not.toMatch(/RoleName|ManagedPolicyName/);
    expect(Object.keys(template.Outputs ?? {})).toEqual([
      'PlanRoleArn',
      'DeployRoleArn',
      'ExecutionRoleBoundaryArn',
      'OidcProviderArn',
    ]);
  });

  it('accepts the parameters the README’s bootstrap command gives it', () => {
    const given = readmeBootstrapParameters();
    expect(Object.keys(given).length).toBeGreaterThan(3);
    for (const name of Object.keys(given)) expect(template.Parameters).toHaveProperty(name);
    expect(checkParameters(template, given)).toEqual([]);
    expect(failedRules(template, given, FAKE_PSEUDO)).toEqual([]);
  });

  it('needs a deploy environment (or branch, not by default), and refuses wildcards in them', () => {
    expect(failedRules(template, { ...TEST_PARAMETERS }, FAKE_PSEUDO)).toEqual([]);
    expect(template.Parameters?.DeployBranch?.Default).toBe('');
    expect(
      failedRules(template, { ...TEST_PARAMETERS, DeployEnvironment: '' }, FAKE_PSEUDO),
    ).toEqual([
      'Give DeployEnvironment (recommended) or DeployBranch; otherwise no workflow could deploy',
    ]);
    expect(
      failedRules(
        template,
        { ...TEST_PARAMETERS, DeployBranch: 'main', DeployEnvironment: '' },
        FAKE_PSEUDO,
      ),
    ).toEqual([]);
    expect(checkParameters(template, TEST_PARAMETERS)).toEqual([]);
    expect(checkParameters(template, { ...TEST_PARAMETERS, DeployBranch: 'release/*' })).toEqual([
      'Parameter DeployBranch must match ^$|^[^*?\\s]+$',
    ]);
    expect(checkParameters(template, { ...TEST_PARAMETERS, DeployEnvironment: '*' })).toHaveLength(
      1,
    );
    expect(
      checkParameters(template, { ...TEST_PARAMETERS, GitHubOwner: 'octo/infra' }),
    ).toHaveLength(1);
  });
});
