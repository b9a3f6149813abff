/**
 * Preloaded into the action's process (`node --import <this> dist/index.js`) to record what it
 * used: at exit it writes `{ "maxRssKiB": n, "cpuMs": n }` (peak resident set size, user + system
 * CPU time) to the file named by BENCH_USAGE_FILE. The action does not know it is there.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({
        maxRssKiB: usage.maxRSS,
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      }),
    );
  });
}
