/**
 * Reading EC2 Query-protocol XML as `parseXML` (the SDK's own parser, from
 * `@aws-sdk/xml-builder`) returns it: elements as properties, text as strings, a list as a
 * `<fooSet>` whose `item` is one object or an array of them, an empty element as ''.
 */

/** A parsed element: its children by name. */
export type XmlObject = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is XmlObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The child element `key` as an object, or undefined when absent or empty. */
export function child(node: XmlObject | undefined, key: string): XmlObject | undefined {
  const value = node?.[key];
  return isObject(value) ? value : undefined;
}

/** The `item`s of the list element `key` (EC2 wraps every list member in `<item>`). */
export function items(node: XmlObject | undefined, key: string): XmlObject[] {
  const item = child(node, key)?.item;
  if (item === undefined) return [];
  return (Array.isArray(item) ? item : [item]).filter(isObject);
}

/** The text of `key`, undefined when absent (as the SDK leaves a missing member). */
export function text(node: XmlObject | undefined, key: string): string | undefined {
  const value = node?.[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A boolean member: EC2 writes `true` or `false`. */
export function bool(node: XmlObject | undefined, key: string): boolean | undefined {
  const value = text(node, key);
  return value === undefined || value === '' ? undefined : value === 'true';
}

/** An integer member (ports), undefined when absent or not a number. */
export function int(node: XmlObject | undefined, key: string): number | undefined {
  const value = text(node, key);
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** An object without its undefined members, so results compare like the SDK's. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as unknown as T;
}
