/**
 * mwaa-deploy as a library: settings, templates and stacks. Importing this module has no side
 * effects; nothing here reads INPUT_* variables or talks to the Actions runner.
 */
export * from './settings/index.js';
export * from './templates/index.js';
export * from './stacks/index.js';
export { errorMessage } from './shared/errors.js';
export { consoleLogger, memoryLogger } from './shared/logger.js';
export type { Logger } from './shared/logger.js';
export * from './verify/index.js';
export * from './plan/model.js';
export { planBoth, discardRun } from './plan/plan.js';
export type { PlannedRun } from './plan/plan.js';
export type { EngineContext } from './plan/context.js';
export { deployBoth } from './deploy/deploy.js';
export type { DeployResult } from './deploy/deploy.js';
export { runMode } from './engine/run.js';
export type { RunResult, RunOptions } from './engine/run.js';
export { openSession } from './engine/session.js';
export type { AwsSession, SessionDeps } from './engine/session.js';
export { createAwsClients } from './aws/clients.js';
export { environmentReaders } from './environment/readers.js';
export type { EnvironmentReaders } from './environment/readers.js';
export type { AwsClients, AwsClientOptions } from './aws/clients.js';
export { systemClock, instantClock } from './shared/clock.js';
export type { Clock } from './shared/clock.js';
export * from './render/index.js';
export { renderVerifyMarkdown } from './render/verify-markdown.js';
export { analyzePlan, planIsDestructive, isDestructive, STATEFUL_TYPES } from './plan/analysis.js';
export type { PlanAnalysis, DestructiveChange } from './plan/analysis.js';
export { evaluateDestructivePolicy, describeViolations } from './plan/analysis-policy.js';
export { resourceLinks, retainedResources, templateFacts } from './plan/analysis-template.js';
export { planFingerprint, describeFingerprintChange } from './plan/fingerprint.js';
export type { PlanFingerprint } from './plan/fingerprint.js';
export { policyViolation, DestructivePlanError } from './engine/policy.js';
export { assertReviewed, fingerprintFields, ReviewedPlanError } from './engine/review.js';
export { renderContextFor } from './publish/render-context.js';
export * from './publish/comment.js';
export { readGitHubContext } from './publish/github-context.js';
export type { GitHubContext } from './publish/github-context.js';
export { pullRequestForCommit } from './publish/commit-pulls.js';
export { offlinePlan } from './plan/offline.js';
