#!/usr/bin/env node
// The `mwaa-deploy` command: the only CLI file with a side effect.
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
