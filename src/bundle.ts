// The one bundle (dist/index.js), with two entry points sharing one copy of the AWS SDK:
// - the action: action.yml's `runs.main` runs this file, so it runs the action when it is the
//   process's main module;
// - the command line: dist/cli/index.js, a few lines written by the `package` script, imports
//   `runCli` from here and runs it (importing runs nothing else).
import { realpathSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// Node 22.1+ can keep V8's compiled code on disk (in the OS temp folder) and reuse it in the
// next run on the same machine: a second step of the job, or a self-hosted runner. It must be on
// before the rest of the bundle is loaded, hence the dynamic imports below.
// NODE_DISABLE_COMPILE_CACHE=1 turns it off.
module.enableCompileCache?.();

/** The command line's main: parses argv, runs the command, returns the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const { main } = await import('./cli/main.js');
  return main([...argv]);
}

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

if (isMainModule()) {
  const { run } = await import('./action/main.js');
  await run();
}
