// The bundle's entry (dist/index.js): the only file with a side effect. Everything else is
// importable without running anything.
import { run } from './main.js';

await run();
