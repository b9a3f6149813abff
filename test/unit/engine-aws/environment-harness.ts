/**
 * Deploying the three stacks with the environment on an engine harness: the MWAA readers over
 * the fake, the built-in environment template, and the simulated minutes the deploy took.
 */
import { deployBoth } from '../../../src/deploy/deploy.js';
import { environmentReaders } from '../../../src/environment/readers.js';
import type { EngineContext } from '../../../src/plan/context.js';
import type { TemplateBodies } from '../../../src/stacks/specs.js';
import { loadBuiltInTemplate } from '../../../src/templates/index.js';
import { rootStatement } from '../../support/environment-e2e.js';
import { errorOf, FAKE_CREDENTIALS, verifyClients } from '../../support/fake-aws/clients.js';
import { ACCOUNT } from './harness.js';
import type { Harness } from './harness.js';

/** An engine context with `deploy-environment: true` and the MWAA readers over the fake. */
export function environmentContext(
  h: Harness,
  inputs: Record<string, string>,
  runLabel?: string,
): EngineContext {
  const base = h.ctx({ 'deploy-environment': 'true', ...inputs }, runLabel);
  const read = verifyClients(h.aws);
  return {
    ...base,
    environment: environmentReaders({
      region: 'us-east-1',
      credentials: FAKE_CREDENTIALS,
      env: { AWS_ENDPOINT_URL: h.aws.url },
      read,
    }),
  };
}

/** The three stacks' templates, the environment's the built-in one. */
export async function environmentTemplates(h: Harness): Promise<TemplateBodies> {
  return { ...h.templates, environment: await loadBuiltInTemplate('mwaa-environment') };
}

/** Deploys with `deploy-environment: true`; the error it ends with and the minutes it took. */
export async function deployEnvironment(h: Harness, inputs: Record<string, string>) {
  const ctx = environmentContext(h, inputs);
  const templates = await environmentTemplates(h);
  const started = h.clock.now();
  const error = await errorOf(deployBoth(ctx, templates, ACCOUNT));
  return { error: String(error), minutes: (h.clock.now() - started) / 60_000 };
}

/**
 * Inputs of a create that MWAA fails late: a customer managed key whose policy lacks the
 * CloudWatch Logs statement (the pre-check that would stop it is allowed).
 */
export function failingCreateInputs(h: Harness): Record<string, string> {
  const keyArn = h.aws.seedKey({ policy: { Version: '2012-10-17', Statement: [rootStatement()] } });
  return {
    'key-mode': 'customer-managed',
    'kms-key': keyArn,
    'allow-failed-prechecks': 'kms-key-policy',
  };
}

/** The seconds a timeout message says were waited ("Timed out after N s"). */
export function waitedSeconds(error: string): number {
  return Number(/Timed out after (\d+) s/.exec(error)?.[1] ?? NaN);
}
