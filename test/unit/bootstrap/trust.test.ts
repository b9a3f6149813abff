/**
 * The roles trust GitHub's OIDC provider for one repository only: the plan role its pull
 * requests (and, when asked, its branches), the deploy role one branch and/or one GitHub
 * environment, always with the STS audience. Tokens are shaped as the fake's token endpoint mints
 * them (GitHub's claims), and checked as STS checks the trust policy.
 */
import { load } from 'js-yaml';
import {
  TEST_PARAMETERS,
  readmeBlocks,
  readmeBootstrapParameters,
  renderAccessTemplate,
} from '../../support/bootstrap/access-template.js';
import { trustRequest } from '../../support/bootstrap/engine-calls.js';
import { isAllowed } from '../../support/bootstrap/iam-policy.js';
import type { PolicyDocument } from '../../support/bootstrap/iam-policy.js';
import { jwtClaims } from '../../support/fake-aws/sts.js';
import { mintToken } from '../../support/fake-aws/oidc.js';

const AUD = 'sts.amazonaws.com';

/** Whether a workflow whose token has this subject (and audience) may assume the role. */
function accepts(trust: PolicyDocument, provider: string, sub: string, aud = AUD): boolean {
  const claims = jwtClaims(mintToken(aud, sub, Date.now()));
  return isAllowed(trust, trustRequest(claims ?? {}, provider));
}

describe('plan role trust', () => {
  const { planTrust, providerArn } = renderAccessTemplate(TEST_PARAMETERS);
  const ok = (sub: string, aud?: string) => accepts(planTrust, providerArn, sub, aud);

  it('accepts pull requests of the repository, with the STS audience, from its provider', () => {
    expect(ok('repo:octo/infra:pull_request')).toBe(true);
    expect(ok('repo:octo/infra:pull_request', 'https://github.com/octo')).toBe(false);
    const other = planTrust.Statement.map((s) => ({
      ...s,
      Principal: { Federated: 'arn:aws:iam::999999999999:oidc-provider/x' },
    }));
    expect(
      isAllowed(
        { ...planTrust, Statement: other },
        trustRequest({ aud: AUD, sub: 'repo:octo/infra:pull_request' }, providerArn),
      ),
    ).toBe(false);
  });

  it('refuses other repositories, owners, branches and environments', () => {
    for (const sub of [
      'repo:octo/infra-fork:pull_request',
      'repo:octo/infr:pull_request',
      'repo:evil/infra:pull_request',
      'repo:octo-evil/infra:pull_request',
      'repo:OCTO/INFRA:pull_request',
      'repo:octo/infra:ref:refs/heads/main',
      'repo:octo/infra:environment:production',
      'repo:octo/infra:pull_request:extra',
    ]) {
      expect([sub, ok(sub)]).toEqual([sub, false]);
    }
  });

  it('accepts the repository’s branches too when PlanFromBranches is true, and nothing more', () => {
    const { planTrust: branches } = renderAccessTemplate({
      ...TEST_PARAMETERS,
      PlanFromBranches: 'true',
    });
    const allowed = (sub: string) => accepts(branches, providerArn, sub);
    expect(allowed('repo:octo/infra:pull_request')).toBe(true);
    expect(allowed('repo:octo/infra:ref:refs/heads/feature/x')).toBe(true);
    expect(allowed('repo:octo/infra:ref:refs/tags/v1')).toBe(false);
    expect(allowed('repo:octo/other:ref:refs/heads/main')).toBe(false);
    expect(allowed('repo:octo/infra:environment:production')).toBe(false);
  });
});

describe('deploy role trust', () => {
  it('accepts exactly the deploy environment, and no branch, by default', () => {
    const { deployTrust, providerArn } = renderAccessTemplate(TEST_PARAMETERS);
    const ok = (sub: string, aud?: string) => accepts(deployTrust, providerArn, sub, aud);
    expect(ok('repo:octo/infra:environment:production')).toBe(true);
    for (const sub of [
      // Any workflow on main (schedule, workflow_dispatch, pull_request_target, ...) gets this.
      'repo:octo/infra:ref:refs/heads/main',
      'repo:octo/infra:environment:production2',
      'repo:octo/infra:environment:staging',
      'repo:octo/infra:pull_request',
      'repo:octo/other:environment:production',
      'repo:evil/infra:environment:production',
    ]) {
      expect([sub, ok(sub)]).toEqual([sub, false]);
    }
    expect(ok('repo:octo/infra:environment:production', 'https://github.com/octo')).toBe(false);
  });

  it('accepts a branch only when DeployBranch is given, alone or besides the environment', () => {
    const onlyBranch = renderAccessTemplate({
      ...TEST_PARAMETERS,
      DeployBranch: 'main',
      DeployEnvironment: '',
    });
    const ok = (sub: string) => accepts(onlyBranch.deployTrust, onlyBranch.providerArn, sub);
    expect(ok('repo:octo/infra:ref:refs/heads/main')).toBe(true);
    expect(ok('repo:octo/infra:ref:refs/heads/main2')).toBe(false);
    expect(ok('repo:octo/infra:ref:refs/tags/main')).toBe(false);
    expect(ok('repo:octo/infra:environment:production')).toBe(false);

    const both = renderAccessTemplate({ ...TEST_PARAMETERS, DeployBranch: 'main' });
    const either = (sub: string) => accepts(both.deployTrust, both.providerArn, sub);
    expect(either('repo:octo/infra:environment:production')).toBe(true);
    expect(either('repo:octo/infra:ref:refs/heads/main')).toBe(true);
    expect(either('repo:octo/infra:pull_request')).toBe(false);
  });

  it('accepts only the named workflow when DeployWorkflowRef is given (customised subject)', () => {
    const ref = 'octo/infra/.github/workflows/deploy.yml@refs/heads/main';
    const pinned = renderAccessTemplate({ ...TEST_PARAMETERS, DeployWorkflowRef: ref });
    const ok = (sub: string) => accepts(pinned.deployTrust, pinned.providerArn, sub);
    expect(ok(`repo:octo/infra:environment:production:job_workflow_ref:${ref}`)).toBe(true);
    expect(ok('repo:octo/infra:environment:production')).toBe(false);
    expect(
      ok(
        'repo:octo/infra:environment:production:job_workflow_ref:octo/infra/.github/workflows/other.yml@refs/heads/main',
      ),
    ).toBe(false);
  });

  it('compares subjects exactly, with no wildcard operator at all', () => {
    const { deployTrust } = renderAccessTemplate({ ...TEST_PARAMETERS, DeployBranch: 'main' });
    const condition = deployTrust.Statement[0]?.Condition ?? {};
    expect(Object.keys(condition)).toEqual(['StringEquals']);
    expect(condition.StringEquals).toEqual({
      'token.actions.githubusercontent.com:aud': AUD,
      'token.actions.githubusercontent.com:sub': [
        'repo:octo/infra:environment:production',
        'repo:octo/infra:ref:refs/heads/main',
      ],
    });
  });

  it('lets only web identity tokens of the GitHub provider in, in both roles', () => {
    const { planTrust, deployTrust, providerArn } = renderAccessTemplate(TEST_PARAMETERS);
    for (const trust of [planTrust, deployTrust]) {
      expect(trust.Statement).toHaveLength(1);
      expect(trust.Statement[0]).toMatchObject({
        Effect: 'Allow',
        Principal: { Federated: providerArn },
        Action: 'sts:AssumeRoleWithWebIdentity',
      });
    }
    expect(providerArn).toBe(
      'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com',
    );
  });
});

describe('the README’s workflows and the roles its bootstrap command creates', () => {
  /** The subject GitHub puts in a job's token (the default sub format). */
  function subjectOf(
    workflow: Record<string, unknown>,
    job: Record<string, unknown>,
    repo: string,
  ) {
    const environment = job.environment;
    if (typeof environment === 'string') return `repo:${repo}:environment:${environment}`;
    if (typeof environment === 'object' && environment !== null) {
      return `repo:${repo}:environment:${String((environment as { name?: unknown }).name)}`;
    }
    const on = workflow.on as Record<string, { branches?: string[] } | null>;
    if ('pull_request' in on) return `repo:${repo}:pull_request`;
    const branch = on.push?.branches?.[0];
    if (branch) return `repo:${repo}:ref:refs/heads/${branch}`;
    throw new Error('Cannot tell the subject of this job');
  }

  it('has every job that assumes a role accepted by that role’s trust policy', () => {
    const parameters = readmeBootstrapParameters();
    const { planTrust, deployTrust, providerArn } = renderAccessTemplate(parameters);
    const repo = `${parameters.GitHubOwner}/${parameters.GitHubRepository}`;
    const checked: string[] = [];
    for (const text of readmeBlocks('yaml')) {
      const workflow = load(text) as Record<string, unknown> | undefined;
      if (!workflow || typeof workflow !== 'object' || !('jobs' in workflow)) continue;
      for (const job of Object.values(workflow.jobs as Record<string, Record<string, unknown>>)) {
        for (const step of (job.steps ?? []) as { with?: Record<string, unknown> }[]) {
          const role = String(step.with?.['role-to-assume'] ?? '');
          if (!role) continue;
          const trust = /PLAN/.test(role)
            ? planTrust
            : /DEPLOY/.test(role)
              ? deployTrust
              : undefined;
          if (!trust) throw new Error(`Which role is ${role}?`);
          const sub = subjectOf(workflow, job, repo);
          expect([role, sub, accepts(trust, providerArn, sub)]).toEqual([role, sub, true]);
          // And the other role refuses it: a pull request cannot deploy.
          const other = trust === planTrust ? deployTrust : planTrust;
          expect([role, sub, accepts(other, providerArn, sub)]).toEqual([role, sub, false]);
          checked.push(`${String(step.with?.mode)}:${sub}`);
        }
      }
    }
    expect(checked.some((c) => c.startsWith('plan:'))).toBe(true);
    expect(checked.some((c) => c.startsWith('deploy:'))).toBe(true);
  });
});
