/**
 * The hidden marker that makes a plan comment "ours": an HTML comment on the body's first line,
 *
 *   <!-- mwaa-deploy:v1 environment=prod fingerprint=9f2c status=planned -->
 *
 * invisible in the rendered comment, versioned so a later format can tell old comments apart,
 * and carrying the caller's fields (a plan fingerprint, planned/applied) for later runs to read.
 */

/** The marker format this code writes and understands. */
export const MARKER_VERSION = 1;
const PREFIX = 'mwaa-deploy';

/** A marker read back from a comment. */
export interface Marker {
  /** Major version of the marker format; only MARKER_VERSION is ours to touch. */
  readonly version: number;
  readonly environment: string;
  /** Every other field (fingerprint, status, ...), decoded. */
  readonly fields: Readonly<Record<string, string>>;
}

const FIELD_NAME = /^[a-z][a-z0-9_-]*$/;
// Anchored at the body's start: a comment that merely quotes the marker text is not ours.
const MARKER = /^\s*<!--\s*mwaa-deploy:v(\d+)((?:[ \t]+[^\s=]+=[^\s]*)*)[ \t]*-->/;

/**
 * The marker line for an environment and extra fields. Values are percent-encoded, so no value
 * (not even one holding `-->` or spaces) can end the HTML comment or split a field. Throws on a
 * field name that is not `[a-z][a-z0-9_-]*` or that tries to replace `environment`.
 */
export function formatMarker(
  environment: string,
  fields: Readonly<Record<string, string>> = {},
): string {
  const parts = [`environment=${encodeValue(environment)}`];
  for (const [name, value] of Object.entries(fields)) {
    if (!FIELD_NAME.test(name) || name === 'environment') {
      throw new Error(`Invalid comment marker field '${name}'. Expected [a-z][a-z0-9_-]*.`);
    }
    parts.push(`${name}=${encodeValue(value)}`);
  }
  return `<!-- ${PREFIX}:v${MARKER_VERSION} ${parts.join(' ')} -->`;
}

/** Reads the marker at the start of a comment body; undefined when the body has none. */
export function parseMarker(body: string): Marker | undefined {
  const match = MARKER.exec(body);
  if (!match) return undefined;
  const fields: Record<string, string> = {};
  let environment: string | undefined;
  for (const pair of (match[2] ?? '').trim().split(/\s+/)) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    const name = pair.slice(0, at);
    const value = decodeValue(pair.slice(at + 1));
    if (name === 'environment') environment = value;
    else fields[name] = value;
  }
  if (environment === undefined) return undefined;
  return { version: Number(match[1]), environment, fields };
}

/** Whether a body carries this code's marker for this environment. */
export function isOurComment(body: string, environment: string): boolean {
  const marker = parseMarker(body);
  return marker?.version === MARKER_VERSION && marker.environment === environment;
}

/** The body without its marker line (and the newline after it). */
export function stripMarker(body: string): string {
  const match = MARKER.exec(body);
  return match ? body.slice(match[0].length).replace(/^\r?\n/, '') : body;
}

function encodeValue(value: string): string {
  // encodeURIComponent leaves [A-Za-z0-9-_.!~*'()] alone and escapes < > space = and the rest.
  return encodeURIComponent(value);
}

function decodeValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
