export * from './types.js';
export * from './specs.js';
export * from './read.js';
export * from './key-mode.js';
export * from './wiring.js';
export * from './summary.js';
export * from './environment-spec.js';
