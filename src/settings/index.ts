/**
 * Settings: the action's inputs turned into one validated, frozen object. Re-exports only;
 * importing this module has no side effects.
 */
export type * from './types.js';
export { loadSettings, inputsFrom } from './load.js';
export type { InputReader, Environment } from './load.js';
export { INPUT_DEFAULTS, INPUT_NAMES, DEFAULT_DEMO_INPUTS } from './defaults.js';
export type { InputName } from './defaults.js';
export { SettingsError, quote, escapeControl } from './problems.js';
export type { Problem } from './problems.js';
export { parseIpv4Cidr, formatCidr, cidrContains, cidrsOverlap } from './cidr.js';
export type { Ipv4Cidr } from './cidr.js';
export { parseKmsKey } from './kms-key.js';
export { deriveStackNames, knownPartitionOf } from './names.js';
export { derivedSubnetsNote } from './network.js';
