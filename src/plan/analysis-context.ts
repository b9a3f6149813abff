/**
 * Reading a resource change's before/after contexts (CloudFormation's BeforeContext and
 * AfterContext with IncludePropertyValues): `{"Properties": {…}}` plus, when given, the
 * resource's DeletionPolicy and UpdateReplacePolicy.
 */
import type { ResourceChange } from './model.js';

/** A JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The properties in a context, or undefined when CloudFormation gave no context. */
export function propertiesOf(context: unknown): Record<string, unknown> | undefined {
  if (!isRecord(context)) return undefined;
  const properties = context['Properties'];
  return isRecord(properties) ? properties : {};
}

/** A JSON value that may arrive as a JSON string (policy documents often do). */
export function parsedJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (!text.startsWith('{') && !text.startsWith('[')) return value;
  try {
    return JSON.parse(text);
  } catch {
    return value;
  }
}

const RETAINING = new Set(['Retain', 'RetainExceptOnCreate']);

/**
 * Whether the resource outlives this change, from the contexts alone: a removal keeps it when
 * its DeletionPolicy retains it, a replacement keeps the old one when its UpdateReplacePolicy
 * does. Undefined when the contexts do not say.
 */
export function retainedByContext(
  change: ResourceChange,
  on: 'delete' | 'replace',
): boolean | undefined {
  const attribute = on === 'delete' ? 'DeletionPolicy' : 'UpdateReplacePolicy';
  // A replacement follows the template being deployed; a removal the one that made the resource.
  const contexts = on === 'delete' ? [change.before] : [change.after, change.before];
  for (const context of contexts) {
    if (!isRecord(context)) continue;
    const policy = context[attribute];
    if (typeof policy === 'string') return RETAINING.has(policy);
  }
  return undefined;
}
