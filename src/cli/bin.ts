#!/usr/bin/env node
// The `mwaa-deploy` command: the only CLI file with a side effect.
import module from 'node:module';

// The AWS SDK warns on stderr, once per process, about Node versions it will stop supporting.
// package.json's engines already says which Node this needs; the warning would only bury the
// plan's progress (and break tools that read stderr), so the command line turns it off.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// V8's compiled code is kept on disk for the next run (Node 22.1+); see src/bundle.ts.
module.enableCompileCache?.();

const { main } = await import('./main.js');
process.exitCode = await main(process.argv.slice(2));
