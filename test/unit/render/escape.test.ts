/** Hostile values cannot break the layout, open HTML, close a fence or ping anyone. */
import {
  codeBlock,
  escapeCell,
  escapeInline,
  escapeMermaidLabel,
  escapeTerminal,
  mermaidId,
  neutraliseCommands,
  truncate,
} from '../../../src/render/escape.js';
import { renderPlanMarkdown, renderPlanText } from '../../../src/render/index.js';
import {
  add,
  context,
  detail,
  makePlan,
  modify,
  param,
  prereqStack,
  runContext,
  vpcStack,
} from './factories.js';

const HOSTILE = [
  'a|b||c',
  '</details></summary></td></table>',
  '<script>alert(1)</script>',
  '<!-- hidden',
  '````` five backticks `x`',
  'cc @org/team and @octocat',
  'line one\nline two\r\n| --- | forged row |',
  '::set-output name=pwned::yes',
  '**bold** _it_ [link](https://evil.example) ~~s~~ \\',
  '\u001b[31mred\u001b[0m',
];

function hostilePlan() {
  return makePlan(
    [
      vpcStack({
        status: 'UPDATE_COMPLETE | </details>',
        warnings: HOSTILE,
        changes: [
          modify('Vpc|Evil', 'AWS::EC2::VPC', {
            physicalId: HOSTILE[1],
            details: HOSTILE.map((h, i) => detail(`Tags/${i}/Value`, h, `${h} (new)`)),
          }),
        ],
      }),
      prereqStack({
        parameters: HOSTILE.map((h, i) => param(`P${i}`, 'old', h)),
        changes: [
          add('Bucket', 'AWS::S3::Bucket', {
            after: context({
              Tags: HOSTILE.map((h) => ({ Key: h, Value: h })),
              Long: `${'x'.repeat(300)}\n${HOSTILE.join('\n')}`,
            }),
          }),
        ],
      }),
    ],
    { environmentName: 'env</details>@org/team', warnings: HOSTILE },
  );
}

/**
 * The markdown outside fenced code blocks, parsed as CommonMark does: a block opened by a run
 * of 3+ backticks ends at a line of at least as many backticks and nothing else. Also returns
 * the blocks' contents with their fences.
 */
function splitCode(markdown: string): {
  prose: string;
  blocks: { fence: string; content: string }[];
} {
  const prose: string[] = [];
  const blocks: { fence: string; content: string }[] = [];
  let open: { fence: string; lines: string[] } | undefined;
  for (const line of markdown.split('\n')) {
    if (open) {
      const close = /^(`{3,})\s*$/.exec(line);
      if (close && (close[1] ?? '').length >= open.fence.length) {
        blocks.push({ fence: open.fence, content: open.lines.join('\n') });
        open = undefined;
      } else open.lines.push(line);
      continue;
    }
    const start = /^(`{3,})[^`]*$/.exec(line);
    if (start) open = { fence: start[1] ?? '', lines: [] };
    else prose.push(line);
  }
  expect(open).toBeUndefined();
  return { prose: prose.join('\n'), blocks };
}

/** Every table in the markdown: its rows have as many unescaped pipes as its header. */
function tables(markdown: string): string[][] {
  const found: string[][] = [];
  let current: string[] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) current.push(line);
    else if (current.length > 0) {
      found.push(current);
      current = [];
    }
  }
  if (current.length > 0) found.push(current);
  return found;
}

describe('escapeInline and escapeCell', () => {
  test.each([
    ['a|b', 'a&#124;b'],
    ['<b>x</b>', '&lt;b&gt;x&lt;/b&gt;'],
    ['`code`', '&#96;code&#96;'],
    ['@org/team', '@\u200dorg/team'],
    ['*x* _y_ [z] ~w~ \\', '&#42;x&#42; &#95;y&#95; &#91;z&#93; &#126;w&#126; &#92;'],
    ['a & b', 'a &amp; b'],
    ['bell\u0007 esc\u001b', 'bell esc'],
  ])('%j', (input, expected) => {
    expect(escapeInline(input)).toBe(expected);
    expect(escapeCell(input)).toBe(expected);
  });

  test('line breaks are spaces inline and <br> in cells', () => {
    expect(escapeInline('a\nb\r\nc\rd')).toBe('a b c d');
    expect(escapeCell('a\nb\r\nc')).toBe('a<br>b<br>c');
  });
});

describe('codeBlock', () => {
  test.each(['plain', 'has ``` inside', '````` five', '```\nclose?\n```', '`'])(
    'content %j cannot close the fence',
    (content) => {
      const block = codeBlock(content, 'diff');
      const lines = block.split('\n');
      const fence = /^`+/.exec(lines[0] ?? '')?.[0] ?? '';
      expect(fence.length).toBeGreaterThanOrEqual(3);
      expect(lines[0]).toBe(`${fence}diff`);
      // Only the last line closes: no line inside starts with a run as long as the fence.
      const closing = lines.slice(1).findIndex((l) => l.trimStart().startsWith(fence));
      expect(closing).toBe(lines.length - 2);
      expect(lines.slice(1, -1).join('\n')).toBe(content);
    },
  );
});

describe('mermaid', () => {
  test('IDs are letters, digits and underscores', () => {
    expect(mermaidId('s0', 'a"b]c end;-->x')).toBe('s0_a_b_c_end____x');
  });
  test('labels cannot leave their quotes', () => {
    const label = escapeMermaidLabel('a"]:::x\n%%{init}%% <b>#`');
    expect(label).not.toMatch(/["<>`\n%]/);
    expect(label).toBe('a#quot;]:::x #37;#37;{init}#37;#37; #lt;b#gt;#35;#96;');
  });
});

describe('terminal', () => {
  test('values never start a line and carry no escape sequences', () => {
    expect(escapeTerminal('a\n::set-output name=x::y\u001b[2J')).toBe(
      'a\\n::set-output name=x::y[2J',
    );
  });
  test('a line that would be a workflow command is defused', () => {
    expect(neutraliseCommands('ok\n  ::error::boom\n::set-output x')).toBe(
      'ok\n  : :error::boom\n: :set-output x',
    );
  });
});

test('truncate cuts with an ellipsis and never splits a surrogate pair', () => {
  expect(truncate('abcdef', 4)).toBe('abc…');
  expect(truncate('ab😀cd', 4)).toBe('ab…');
  expect(truncate('short', 10)).toBe('short');
});

describe('a plan full of hostile values', () => {
  const full = renderPlanMarkdown(hostilePlan(), runContext());
  const { prose: markdown, blocks } = splitCode(full);
  const text = renderPlanText(hostilePlan(), runContext());

  test('opens no HTML of its own', () => {
    expect(markdown).not.toMatch(/<script|<!--|<\/table|<\/td/i);
    const opened = markdown.match(/<details>/g)?.length ?? 0;
    expect(markdown.match(/<\/details>/g)?.length).toBe(opened);
    expect(markdown.match(/<summary>/g)?.length).toBe(markdown.match(/<\/summary>/g)?.length);
  });

  test('keeps every table row to its columns', () => {
    const all = tables(markdown);
    expect(all.length).toBeGreaterThan(3);
    for (const table of all) {
      const pipes = (table[0] ?? '').split('|').length;
      for (const row of table) expect(row.split('|').length).toBe(pipes);
    }
  });

  test('mentions nobody', () => {
    expect(markdown).not.toMatch(/@(?!\u200d)\w/);
    expect(text).toContain('@org/team'); // the terminal does not notify
  });

  test('keeps hostile text inside its code blocks', () => {
    const hostile = blocks.filter((b) => b.content.includes('five backticks'));
    expect(hostile.length).toBeGreaterThan(0);
    for (const b of hostile) {
      expect(b.fence.length).toBeGreaterThan(5);
      expect(b.content).toContain('</details>');
    }
    // The diagram's block is the last one: everything after the hostile blocks still renders.
    expect(blocks.at(-1)?.content).toMatch(/^flowchart LR/);
  });

  test('in text, no line is a workflow command and no escape sequence survives', () => {
    expect(text).not.toMatch(/^\s*::/m);
    expect(text).not.toContain('\u001b');
    expect(text).toContain('line one\\nline two');
  });
});
