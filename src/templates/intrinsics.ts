/**
 * Resolves CloudFormation intrinsic functions offline, as CloudFormation would for given
 * parameter values, pseudo parameters and condition results. What only exists once resources
 * do (`Ref` to a resource, `Fn::GetAtt`, `Fn::ImportValue`) becomes a placeholder string, by
 * default `{{LogicalId}}` / `{{LogicalId.Attribute}}`, or whatever the context's callbacks return.
 */
import type { CfnTemplate } from './cfn-yaml.js';
import { cidr } from './cidr.js';
import { NO_VALUE, pseudoValue } from './pseudo.js';
import type { PseudoParameters } from './pseudo.js';

export { partitionOf } from './pseudo.js';
export type { PseudoParameters } from './pseudo.js';

export interface ResolveContext {
  /** Parameter values (defaults applied); list parameters hold arrays. */
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly pseudo: PseudoParameters;
  /** Condition results, or a lookup (used while conditions are being evaluated). */
  readonly conditions: Readonly<Record<string, boolean>> | ((name: string) => boolean);
  /** For Mappings, declared parameters and resource names; without it any other Ref is a resource. */
  readonly template?: CfnTemplate;
  /** Value of `Ref` to a resource. Default `{{LogicalId}}`. */
  readonly ref?: (logicalId: string) => unknown;
  /** Value of `Fn::GetAtt`. Default `{{LogicalId.Attribute}}`. */
  readonly getAtt?: (logicalId: string, attribute: string) => unknown;
  /** Value of `Fn::ImportValue`. Default `{{Import:Name}}`. */
  readonly importValue?: (exportName: string) => unknown;
  /** Availability Zones of `Fn::GetAZs`. Default: the Region name + a, b, c. */
  readonly azs?: (region: string) => readonly string[];
}

function refValue(name: string, ctx: ResolveContext): unknown {
  if (name.startsWith('AWS::')) return pseudoValue(name, ctx.pseudo);
  if (Object.hasOwn(ctx.parameters, name)) return ctx.parameters[name];
  const t = ctx.template;
  if (t?.Parameters && Object.hasOwn(t.Parameters, name)) {
    throw new Error(`Parameter ${name} has no value and no default`);
  }
  if (t && !Object.hasOwn(t.Resources, name)) throw new Error(`Ref to unknown name ${name}`);
  return ctx.ref ? ctx.ref(name) : `{{${name}}}`;
}

function getAttValue(id: string, attribute: string, ctx: ResolveContext): unknown {
  if (ctx.template && !Object.hasOwn(ctx.template.Resources, id)) {
    throw new Error(`Fn::GetAtt on unknown resource ${id}`);
  }
  return ctx.getAtt ? ctx.getAtt(id, attribute) : `{{${id}.${attribute}}}`;
}

function conditionValue(name: string, ctx: ResolveContext): boolean {
  if (typeof ctx.conditions === 'function') return ctx.conditions(name);
  const value = ctx.conditions[name];
  if (typeof value !== 'boolean') throw new Error(`Unknown condition ${name}`);
  return value;
}

function text(value: unknown, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`${where} needs a string, got ${JSON.stringify(value)}`);
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${where} needs a list, got ${JSON.stringify(value)}`);
  return value;
}

function args(value: unknown, fn: string, min: number, max = min): unknown[] {
  const items = list(value, fn);
  if (items.length < min || items.length > max) {
    throw new Error(`${fn} takes ${min === max ? min : `${min} to ${max}`} arguments`);
  }
  return items;
}

function bool(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean') throw new Error(`${where} needs a condition, got ${JSON.stringify(value)}`);
  return value;
}

function sub(value: unknown, ctx: ResolveContext): string {
  const [template, rawVars] = Array.isArray(value) ? args(value, 'Fn::Sub', 2) : [value, {}];
  const vars = inner(rawVars, ctx) as Record<string, unknown>;
  return text(inner(template, ctx), 'Fn::Sub').replace(/\$\{([^}]*)\}/g, (_whole, name: string) => {
    if (name.startsWith('!')) return `\${${name.slice(1)}}`;
    const key = name.trim();
    if (Object.hasOwn(vars, key)) return text(vars[key], `Fn::Sub variable ${key}`);
    const dot = key.indexOf('.');
    if (dot > 0 && !key.startsWith('AWS::')) {
      return text(getAttValue(key.slice(0, dot), key.slice(dot + 1), ctx), `Fn::Sub \${${key}}`);
    }
    return text(refValue(key, ctx), `Fn::Sub \${${key}}`);
  });
}

function same(a: unknown, b: unknown): boolean {
  const scalar = (v: unknown): boolean => ['string', 'number', 'boolean'].includes(typeof v);
  if (scalar(a) && scalar(b)) return String(a) === String(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

function findInMap(value: unknown, ctx: ResolveContext): unknown {
  const [map, top, second] = args(inner(value, ctx), 'Fn::FindInMap', 3).map((v) => text(v, 'Fn::FindInMap'));
  const found = ctx.template?.Mappings?.[map!]?.[top!]?.[second!];
  if (found === undefined) throw new Error(`Fn::FindInMap: no ${map}/${top}/${second}`);
  return found;
}

type Fn = (arg: unknown, ctx: ResolveContext) => unknown;

const FUNCTIONS: Readonly<Record<string, Fn>> = {
  Ref: (a, ctx) => refValue(text(a, 'Ref'), ctx),
  Condition: (a, ctx) => conditionValue(text(a, 'Condition'), ctx),
  'Fn::GetAtt': (a, ctx) => {
    const v = inner(a, ctx);
    const [id, attr] = typeof v === 'string' && v.includes('.') ? [v.slice(0, v.indexOf('.')), v.slice(v.indexOf('.') + 1)] : args(v, 'Fn::GetAtt', 2);
    return getAttValue(text(id, 'Fn::GetAtt'), text(attr, 'Fn::GetAtt'), ctx);
  },
  'Fn::Sub': sub,
  'Fn::If': (a, ctx) => {
    const [name, whenTrue, whenFalse] = args(a, 'Fn::If', 3);
    return inner(conditionValue(text(name, 'Fn::If'), ctx) ? whenTrue : whenFalse, ctx);
  },
  'Fn::Equals': (a, ctx) => {
    const [x, y] = args(a, 'Fn::Equals', 2).map((v) => inner(v, ctx));
    return same(x, y);
  },
  'Fn::Not': (a, ctx) => !bool(inner(args(a, 'Fn::Not', 1)[0], ctx), 'Fn::Not'),
  'Fn::And': (a, ctx) => args(a, 'Fn::And', 2, 10).every((c) => bool(inner(c, ctx), 'Fn::And')),
  'Fn::Or': (a, ctx) => args(a, 'Fn::Or', 2, 10).some((c) => bool(inner(c, ctx), 'Fn::Or')),
  'Fn::Join': (a, ctx) => {
    const [delimiter, items] = args(a, 'Fn::Join', 2).map((v) => inner(v, ctx));
    return list(items, 'Fn::Join').map((i) => text(i, 'Fn::Join')).join(text(delimiter, 'Fn::Join'));
  },
  'Fn::Select': (a, ctx) => {
    const [index, items] = args(a, 'Fn::Select', 2).map((v) => inner(v, ctx));
    const all = list(items, 'Fn::Select');
    const i = Number(index);
    if (!Number.isInteger(i) || i < 0 || i >= all.length) throw new Error(`Fn::Select: index ${String(index)} out of range`);
    return all[i];
  },
  'Fn::Split': (a, ctx) => {
    const [delimiter, source] = args(a, 'Fn::Split', 2).map((v) => text(inner(v, ctx), 'Fn::Split'));
    return source!.split(delimiter!);
  },
  'Fn::GetAZs': (a, ctx) => {
    const region = text(inner(a, ctx), 'Fn::GetAZs') || ctx.pseudo.region;
    return ctx.azs ? [...ctx.azs(region)] : ['a', 'b', 'c'].map((z) => region + z);
  },
  'Fn::FindInMap': findInMap,
  'Fn::Base64': (a, ctx) => Buffer.from(text(inner(a, ctx), 'Fn::Base64')).toString('base64'),
  'Fn::Cidr': (a, ctx) => {
    const [block, count, bits] = args(inner(a, ctx), 'Fn::Cidr', 3);
    return cidr(text(block, 'Fn::Cidr'), Number(count), Number(bits));
  },
  'Fn::ImportValue': (a, ctx) => {
    const name = text(inner(a, ctx), 'Fn::ImportValue');
    return ctx.importValue ? ctx.importValue(name) : `{{Import:${name}}}`;
  },
  'Fn::Length': (a, ctx) => list(inner(a, ctx), 'Fn::Length').length,
  'Fn::ToJsonString': (a, ctx) => JSON.stringify(inner(a, ctx)),
  'Fn::Contains': (a, ctx) => {
    const [items, value] = args(a, 'Fn::Contains', 2).map((v) => inner(v, ctx));
    return list(items, 'Fn::Contains').some((i) => same(i, value));
  },
  'Fn::EachMemberEquals': (a, ctx) => {
    const [items, value] = args(a, 'Fn::EachMemberEquals', 2).map((v) => inner(v, ctx));
    return list(items, 'Fn::EachMemberEquals').every((i) => same(i, value));
  },
  'Fn::EachMemberIn': (a, ctx) => {
    const [items, allowed] = args(a, 'Fn::EachMemberIn', 2).map((v) => list(inner(v, ctx), 'Fn::EachMemberIn'));
    return items!.every((i) => allowed!.some((x) => same(i, x)));
  },
};

/** The intrinsic function an object stands for, if it is one (a single `Ref`/`Fn::*` key). */
function intrinsic(value: Record<string, unknown>): [Fn, unknown] | undefined {
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const key = keys[0]!;
  // `{ Condition: Name }` (short form `!Condition`) only inside condition functions; an IAM
  // statement's Condition block is a mapping.
  if (key === 'Condition' && typeof value[key] !== 'string') return undefined;
  const fn = FUNCTIONS[key];
  if (fn) return [fn, value[key]];
  if (key.startsWith('Fn::')) throw new Error(`Unsupported intrinsic function ${key}`);
  return undefined;
}

function inner(value: unknown, ctx: ResolveContext): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => inner(item, ctx)).filter((item) => item !== NO_VALUE);
  }
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const fn = intrinsic(record);
  if (fn) return fn[0](fn[1], ctx);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) {
    const resolved = inner(item, ctx);
    if (resolved !== NO_VALUE) out[key] = resolved;
  }
  return out;
}

/**
 * Resolves every intrinsic function in `value`. Keys and list items whose value is
 * `Ref: AWS::NoValue` are dropped; a top-level `AWS::NoValue` gives `undefined`.
 */
export function resolve(value: unknown, ctx: ResolveContext): unknown {
  const result = inner(value, ctx);
  return result === NO_VALUE ? undefined : result;
}
