#!/usr/bin/env node
// The `mwaa-deploy` command: the only CLI file with a side effect.
import module from 'node:module';

// V8's compiled code is kept on disk for the next run (Node 22.1+); see src/action/entry.ts.
module.enableCompileCache?.();

const { main } = await import('./main.js');
process.exitCode = await main(process.argv.slice(2));
