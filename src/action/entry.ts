// The bundle's entry (dist/index.js): the only file with a side effect. Everything else is
// importable without running anything.
import module from 'node:module';

// Node 22.1+ can keep V8's compiled code on disk (in the OS temp folder) and reuse it in the
// next run on the same machine: a second step of the job, or a self-hosted runner. It must be on
// before the rest of the bundle is loaded, hence the dynamic import below. Node 20 has no such
// function; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
module.enableCompileCache?.();

const { run } = await import('./main.js');
await run();
