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
export type { AwsClients, AwsClientOptions } from './aws/clients.js';
export { planSummaryMarkdown } from './render/summary-markdown.js';
export { systemClock, instantClock } from './shared/clock.js';
export type { Clock } from './shared/clock.js';
