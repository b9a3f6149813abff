/** Helpers of the docs tests: the repository's files and a markdown text's code blocks. */
import { readFileSync } from 'node:fs';

export const root = new URL('../../../', import.meta.url);
export const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

export interface CodeBlock {
  readonly lang: string;
  readonly text: string;
  /** 1-based line of the opening fence, for messages. */
  readonly line: number;
}

/** Fenced code blocks of a markdown text (``` fences, as this README uses). */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const fence = /^```([\w-]*)[^\n]*\n([\s\S]*?)^```[ \t]*$/gm;
  for (const match of markdown.matchAll(fence)) {
    blocks.push({
      lang: match[1] ?? '',
      text: match[2] ?? '',
      line: markdown.slice(0, match.index).split('\n').length,
    });
  }
  return blocks;
}
