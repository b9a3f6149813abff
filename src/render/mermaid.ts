/**
 * A mermaid flowchart of each stack's resources and the references between them, nodes
 * coloured by what the plan does to them. GitHub renders ```mermaid blocks; node IDs are
 * sanitised and labels escaped, so no resource name can change the chart's syntax.
 */
import type { ResourceLinks } from '../plan/analysis-template.js';
import type { Plan } from '../plan/model.js';
import { codeBlock, escapeMermaidLabel, mermaidId } from './escape.js';
import { changeKind, SYMBOL } from './view.js';
import type { ChangeKind } from './view.js';

/** Past this many nodes a chart is unreadable (and GitHub refuses large diagrams). */
export const MAX_DIAGRAM_NODES = 150;

type NodeClass = 'add' | 'modify' | 'remove' | 'replace' | 'unchanged';

const CLASS_OF: Readonly<Record<ChangeKind, NodeClass>> = {
  add: 'add',
  import: 'add',
  modify: 'modify',
  dynamic: 'modify',
  remove: 'remove',
  replace: 'replace',
  'maybe-replace': 'replace',
};

const CLASS_DEFS = [
  'classDef add fill:#dafbe1,stroke:#1a7f37,color:#1f2328',
  'classDef modify fill:#fff8c5,stroke:#9a6700,color:#1f2328',
  'classDef remove fill:#ffebe9,stroke:#cf222e,color:#1f2328,stroke-dasharray:4 3',
  'classDef replace fill:#ffebe9,stroke:#cf222e,color:#1f2328,stroke-width:3px',
  'classDef unchanged fill:#f6f8fa,stroke:#8c959f,color:#656d76',
];

interface Node {
  readonly id: string;
  readonly logicalId: string;
  readonly label: string;
  readonly cls: NodeClass;
}

/**
 * The mermaid source (without fence) for the plan, or undefined when there is nothing to draw
 * or more than MAX_DIAGRAM_NODES nodes. `links` are by stack name.
 */
export function mermaidSource(
  plan: Plan,
  links: Readonly<Record<string, ResourceLinks | undefined>>,
): string | undefined {
  const lines = ['flowchart LR', ...CLASS_DEFS.map((d) => `  ${d}`)];
  const edges: string[] = [];
  let count = 0;
  plan.stacks.forEach((stack, s) => {
    const stackLinks = links[stack.stackName] ?? {};
    if (stack.changes.length === 0) return;
    const nodes = new Map<string, Node>();
    const used = new Set<string>();
    const add = (logicalId: string, type: string | undefined, cls: NodeClass, symbol: string) => {
      if (nodes.has(logicalId)) return;
      let id = mermaidId(`s${s}`, logicalId);
      for (let n = 2; used.has(id); n++) id = `${mermaidId(`s${s}`, logicalId)}_${n}`;
      used.add(id);
      const text = `${symbol ? `${symbol} ` : ''}${logicalId}`;
      const label = type
        ? `${escapeMermaidLabel(text)}<br/>${escapeMermaidLabel(type)}`
        : escapeMermaidLabel(text);
      nodes.set(logicalId, { id, logicalId, label, cls });
    };
    for (const c of stack.changes) {
      const kind = changeKind(c);
      add(c.logicalId, c.type, CLASS_OF[kind], SYMBOL[kind]);
    }
    const changed = new Set(nodes.keys());
    // Unchanged resources appear when something changing links to them, or they to it.
    for (const [from, targets] of Object.entries(stackLinks)) {
      for (const to of targets) {
        if (changed.has(from) || changed.has(to)) {
          add(from, undefined, 'unchanged', '');
          add(to, undefined, 'unchanged', '');
        }
      }
    }
    count += nodes.size;
    if (count > MAX_DIAGRAM_NODES) return;
    lines.push(
      `  subgraph ${mermaidId('stack', String(s))}["${escapeMermaidLabel(stack.stackName)}"]`,
    );
    for (const n of nodes.values()) lines.push(`    ${n.id}["${n.label}"]:::${n.cls}`);
    lines.push('  end');
    for (const [from, targets] of Object.entries(stackLinks)) {
      const a = nodes.get(from);
      for (const to of targets) {
        const b = nodes.get(to);
        if (a && b) edges.push(`  ${a.id} --> ${b.id}`);
      }
    }
  });
  if (count === 0 || count > MAX_DIAGRAM_NODES) return undefined;
  return [...lines, ...edges].join('\n');
}

/** The diagram as a fenced mermaid block, or undefined (see mermaidSource). */
export function mermaidBlock(
  plan: Plan,
  links: Readonly<Record<string, ResourceLinks | undefined>>,
): string | undefined {
  const source = mermaidSource(plan, links);
  return source === undefined ? undefined : codeBlock(source, 'mermaid');
}
