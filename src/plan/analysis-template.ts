/**
 * Facts about a stack's template that a plan does not carry: which resources refer to which
 * (for the diagram), which are retained when removed or replaced, and which parameters are
 * NoEcho (their values must never be shown).
 */
import { parseTemplate } from '../templates/cfn-yaml.js';
import type { CfnTemplate } from '../templates/cfn-yaml.js';
import { isRecord } from './analysis-context.js';

/** Logical ID → the logical IDs of the resources it refers to (Ref, GetAtt, Sub, DependsOn). */
export type ResourceLinks = Readonly<Record<string, readonly string[]>>;

/** Logical IDs kept in the account when removed from the stack, or when replaced. */
export interface RetainedResources {
  /** DeletionPolicy Retain (or RetainExceptOnCreate). */
  readonly onDelete: readonly string[];
  /** UpdateReplacePolicy Retain: a replacement leaves the old one behind. */
  readonly onReplace: readonly string[];
}

/** Everything the renderer and the analysis can use from one template. */
export interface TemplateFacts {
  readonly links: ResourceLinks;
  readonly retained: RetainedResources;
  /** Parameters declared NoEcho. */
  readonly noEcho: readonly string[];
}

/** `${Name}` and `${Name.Attr}` in a Sub string; `${!Literal}` is not a reference. */
const SUB_VARIABLE = /\$\{([^!}][^}]*)\}/g;

function collect(value: unknown, resources: ReadonlySet<string>, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, resources, into);
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'Ref' && typeof inner === 'string') {
      if (resources.has(inner)) into.add(inner);
    } else if (key === 'Fn::GetAtt') {
      const target = Array.isArray(inner)
        ? inner[0]
        : typeof inner === 'string'
          ? inner.split('.')[0]
          : undefined;
      if (typeof target === 'string' && resources.has(target)) into.add(target);
    } else if (key === 'Fn::Sub') {
      const [text, variables] = Array.isArray(inner) ? [inner[0], inner[1]] : [inner, undefined];
      const own = new Set(isRecord(variables) ? Object.keys(variables) : []);
      if (typeof text === 'string') {
        for (const match of text.matchAll(SUB_VARIABLE)) {
          const name = (match[1] ?? '').split('.')[0]?.trim() ?? '';
          if (!own.has(name) && resources.has(name)) into.add(name);
        }
      }
      if (variables !== undefined) collect(variables, resources, into);
    } else {
      collect(inner, resources, into);
    }
  }
}

function linksOf(template: CfnTemplate): ResourceLinks {
  const ids = new Set(Object.keys(template.Resources));
  const links: Record<string, readonly string[]> = {};
  for (const [id, resource] of Object.entries(template.Resources)) {
    const found = new Set<string>();
    collect(resource.Properties, ids, found);
    const dependsOn = resource.DependsOn;
    for (const d of typeof dependsOn === 'string' ? [dependsOn] : (dependsOn ?? [])) {
      if (ids.has(d)) found.add(d);
    }
    found.delete(id);
    links[id] = [...found].sort();
  }
  return links;
}

const RETAINING = new Set(['Retain', 'RetainExceptOnCreate']);

function retainedOf(template: CfnTemplate): RetainedResources {
  const entries = Object.entries(template.Resources);
  return {
    onDelete: entries.filter(([, r]) => RETAINING.has(String(r.DeletionPolicy))).map(([id]) => id),
    onReplace: entries.filter(([, r]) => r.UpdateReplacePolicy === 'Retain').map(([id]) => id),
  };
}

function noEchoOf(template: CfnTemplate): string[] {
  return Object.entries(template.Parameters ?? {})
    .filter(([, p]) => p.NoEcho === true || String(p.NoEcho).toLowerCase() === 'true')
    .map(([key]) => key);
}

/**
 * Which resources each resource refers to, read from the template text: the edges of the
 * plan's diagram. Parameters and pseudo parameters are not resources and are left out.
 */
export function resourceLinks(templateBody: string): ResourceLinks {
  return linksOf(parseTemplate(templateBody));
}

/** The resources the template keeps in the account when removed or replaced. */
export function retainedResources(templateBody: string): RetainedResources {
  return retainedOf(parseTemplate(templateBody));
}

/** Links, retained resources and NoEcho parameters, parsing the template once. */
export function templateFacts(templateBody: string): TemplateFacts {
  const template = parseTemplate(templateBody);
  return { links: linksOf(template), retained: retainedOf(template), noEcho: noEchoOf(template) };
}
