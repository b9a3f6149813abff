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
