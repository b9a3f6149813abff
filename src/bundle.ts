// The one bundle (dist/index.js), with two entry points sharing one copy of the AWS SDK:
// - the action: action.yml's `runs.main` runs this file, so it runs the action when it is the
//   process's main module;
// - the command line: dist/cli/index.js, a few lines written by the `package` script, imports
//   `runCli` from here and runs it (importing runs nothing else).
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run } from './action/main.js';

export { main as runCli } from './cli/main.js';

/** Whether node was started on this file (`node dist/index.js`), not merely importing it. */
function isMainModule(): boolean {
  const started = process.argv[1];
  if (!started) return false;
  try {
    return realpathSync(started) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) await run();
