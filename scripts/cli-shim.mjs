#!/usr/bin/env node
/**
 * Writes `<dir>/cli/index.js`, the command line of the bundle: a few lines that import `runCli`
 * from `<dir>/index.js`, the one ncc bundle the action runs too. One bundle with two entry
 * points keeps one copy of the AWS SDK in dist/ instead of two (ncc builds one entry per bundle;
 * the bundle runs the action only when it is node's main module, see src/bundle.ts).
 *
 *   node scripts/cli-shim.mjs [dir]   (dir defaults to dist; `npm run package` calls it)
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI_SHIM = `#!/usr/bin/env node
// The mwaa-deploy command line from a clone: the same bundle as the action (../index.js).
// Written by scripts/cli-shim.mjs (npm run package); do not edit.
import { runCli } from '../index.js';

// As in src/cli/bin.ts: package.json's engines says which Node this needs; the AWS SDK's own
// warning about Node versions would only bury the output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.exitCode = await runCli(process.argv.slice(2));
`;

/** Writes the shim into `<dir>/cli/`, executable. */
export function writeCliShim(dir) {
  const cli = join(dir, 'cli');
  mkdirSync(cli, { recursive: true });
  const path = join(cli, 'index.js');
  writeFileSync(path, CLI_SHIM);
  chmodSync(path, 0o755);
  return path;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
  writeCliShim(resolve(root, process.argv[2] ?? 'dist'));
}
