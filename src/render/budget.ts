/**
 * Fits a rendered document into a size limit by leaving parts out, least useful first, without
 * rendering anything twice: every part is measured once, and dropping one only subtracts its
 * size. The order: property details (largest first, so that as many resources as possible keep
 * theirs), then the diagram, then resource rows (from the end), security rows, parameter rows.
 * Parts of tier KEEP (header, warnings, summary) are never left out.
 */

export type Measure = (text: string) => number;

/** GitHub limits a comment body in characters (a JS string's length never undercounts them). */
export const measureChars: Measure = (text) => text.length;
/** The job summary is limited in bytes of UTF-8. */
export const measureBytes: Measure = (text) => Buffer.byteLength(text, 'utf8');

export const Tier = {
  KEEP: 0,
  DETAILS: 1,
  DIAGRAM: 2,
  ROWS: 3,
  SECURITY: 4,
  PARAMETERS: 5,
} as const;
export type Tier = (typeof Tier)[keyof typeof Tier];

/** Rows of one table: when some are left out, one note line stands for them. */
export interface RowGroup {
  readonly note: (omitted: number) => string;
}

export interface Part {
  readonly text: string;
  readonly tier: Tier;
  /** This part is a row of the group. */
  readonly group?: RowGroup;
  /** The group's note goes just before this part (which follows its rows) when rows were left out. */
  readonly endOf?: RowGroup;
  /** Placeholder (its text unused) for the note saying the document is shortened. */
  readonly trimNote?: true;
  /** Dropped last within its tier: e.g. the row of a destructive change. */
  readonly important?: true;
}

/** How many parts of each droppable tier were left out. */
export interface Dropped {
  readonly details: number;
  readonly diagram: number;
  readonly rows: number;
  readonly security: number;
  readonly parameters: number;
}

const NONE: Dropped = { details: 0, diagram: 0, rows: 0, security: 0, parameters: 0 };
const TIER_KEY: Readonly<Record<Exclude<Tier, 0>, keyof Dropped>> = {
  1: 'details',
  2: 'diagram',
  3: 'rows',
  4: 'security',
  5: 'parameters',
};

export interface FitResult {
  readonly text: string;
  readonly dropped: Dropped;
  readonly trimmed: boolean;
}

/**
 * Joins the parts with line breaks, leaving parts out until the text fits `limit` as
 * measured by `measure`. `trimNote` writes the note shown when anything was left out.
 */
export function fit(
  parts: readonly Part[],
  limit: number,
  measure: Measure,
  trimNote: (dropped: Dropped) => string,
): FitResult {
  const sizes = parts.map((p) => measure(p.text) + 1);
  let total = sizes.reduce((a, b) => a + b, 0);
  const dropped = new Array<boolean>(parts.length).fill(false);
  if (total <= limit)
    return { text: assemble(parts, dropped, NONE, trimNote), dropped: NONE, trimmed: false };

  // Room for the notes, sized for the most that could be left out.
  const rowsOf = new Map<RowGroup, number>();
  const most = { ...NONE };
  for (const part of parts) {
    if (part.group) rowsOf.set(part.group, (rowsOf.get(part.group) ?? 0) + 1);
    if (part.tier !== Tier.KEEP) most[TIER_KEY[part.tier]]++;
  }
  total += measure(trimNote(most)) + 1;
  const noted = new Set<RowGroup>();
  const drop = (i: number): void => {
    dropped[i] = true;
    total -= sizes[i] ?? 0;
    const group = parts[i]?.group;
    if (group && !noted.has(group)) {
      noted.add(group);
      total += measure(group.note(rowsOf.get(group) ?? 0)) + 1;
    }
  };
  const counts: Record<keyof Dropped, number> = { ...NONE };
  for (const tier of [Tier.DETAILS, Tier.DIAGRAM, Tier.ROWS, Tier.SECURITY, Tier.PARAMETERS]) {
    const candidates: number[] = [];
    for (let i = parts.length - 1; i >= 0; i--) if (parts[i]?.tier === tier) candidates.push(i);
    if (tier === Tier.DETAILS)
      candidates.sort((a, b) => (sizes[b] ?? 0) - (sizes[a] ?? 0) || a - b);
    // Routine parts go before important ones (the rows of destructive changes stay longest);
    // the sort is stable, so the order within each kind is kept.
    candidates.sort(
      (a, b) => Number(parts[a]?.important ?? false) - Number(parts[b]?.important ?? false),
    );
    for (const i of candidates) {
      if (total <= limit) break;
      drop(i);
      counts[TIER_KEY[tier]]++;
    }
    if (total <= limit) break;
  }
  let text = assemble(parts, dropped, counts, trimNote);
  // The hard cut adds the note itself: assemble without it, or it would appear twice.
  if (measure(text) > limit) {
    text = hardCut(
      assemble(parts, dropped, counts, () => ''),
      limit,
      measure,
      trimNote(counts),
    );
  }
  return { text, dropped: counts, trimmed: true };
}

function assemble(
  parts: readonly Part[],
  dropped: readonly boolean[],
  counts: Dropped,
  trimNote: (dropped: Dropped) => string,
): string {
  const omitted = new Map<RowGroup, number>();
  const out: string[] = [];
  const trimmed = Object.values(counts).some((n) => n > 0);
  parts.forEach((part, i) => {
    if (dropped[i]) {
      if (part.group) omitted.set(part.group, (omitted.get(part.group) ?? 0) + 1);
      return;
    }
    if (part.trimNote) {
      if (trimmed) out.push(trimNote(counts));
      return;
    }
    const n = part.endOf ? (omitted.get(part.endOf) ?? 0) : 0;
    if (part.endOf && n > 0) out.push(part.endOf.note(n));
    out.push(part.text);
  });
  return out.join('\n');
}

/** Only when even the parts kept always do not fit: cut at a line break, then the note. */
function hardCut(text: string, limit: number, measure: Measure, note: string): string {
  const room = limit - measure(note) - 2;
  let end = Math.min(text.length, Math.max(0, room));
  while (end > 0 && measure(text.slice(0, end)) > room) end = Math.floor(end * 0.9);
  const cut = text.lastIndexOf('\n', end);
  return `${text.slice(0, cut > 0 ? cut : end)}\n\n${note}`;
}
