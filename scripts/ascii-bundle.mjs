#!/usr/bin/env node
/**
 * Rewrites every non-ASCII character of the bundle's JavaScript files (`<dir>/*.js`) as a
 * `\uXXXX` escape, so each file is pure ASCII. Why: V8 keeps a script's source in memory for as
 * long as its functions live, one byte per character when every character fits in Latin-1, two
 * otherwise; one `→` in js-yaml made the 1.3 MB main chunk a 2.5 MiB string, and the "…", "→" and
 * "—" of the product's own messages did the same to its chunk (heap snapshot, BENCHMARKS.md).
 *
 * Where those characters are (string and template literals, regular expressions, comments), the
 * escape means the same character; the one place it would not is the raw text of a tagged
 * template (String.raw), so a file with a non-ASCII character inside a tagged template is left
 * as it is, with a warning.
 *
 *   node scripts/ascii-bundle.mjs [dir]   (dir defaults to dist; `npm run package` calls it)
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Each UTF-16 code unit above 0x7F as `\uXXXX` (a surrogate pair as two escapes, as JS reads it). */
export function asciiOnly(source) {
  return source.replace(
    /[^\0-\x7f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Whether a tagged template (`tag\`…\``) holds a non-ASCII character: its raw text would change. */
function taggedNonAscii(name, source) {
  const file = ts.createSourceFile(name, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  let found = false;
  const visit = (node) => {
    if (found) return;
    if (ts.isTaggedTemplateExpression(node) && /[^\0-\x7f]/.test(node.template.getText(file)))
      found = true;
    else ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Rewrites the .js files of `dir` (not its subfolders); returns the names left unchanged. */
export function asciiBundle(dir) {
  const skipped = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.js')) continue;
    const path = join(dir, name);
    const source = readFileSync(path, 'utf8');
    if (!/[^\0-\x7f]/.test(source)) continue;
    if (taggedNonAscii(name, source)) {
      skipped.push(name);
      continue;
    }
    writeFileSync(path, asciiOnly(source));
  }
  return skipped;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? 'dist');
  for (const name of asciiBundle(dir))
    process.stderr.write(
      `ascii-bundle: ${name} left as it is (a tagged template holds non-ASCII)\n`,
    );
}
