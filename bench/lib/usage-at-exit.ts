/**
 * Preloaded into the action's process (`node --import <this> dist/index.js`) to record what it
 * used: at exit it writes `{ "maxRssKiB": n, "cpuMs": n, "memory": {...} }` (peak resident set
 * size, user + system CPU time, where the memory is) to the file named by BENCH_USAGE_FILE. The action does not know it is there.
 */
import { writeFileSync } from 'node:fs';
import v8 from 'node:v8';

const kib = (bytes: number) => Math.round(bytes / 1024);

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({
        maxRssKiB: usage.maxRSS,
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
        memory: memoryAtExit(),
      }),
    );
  });
}

/**
 * Where to write a heap snapshot at exit (what holds the heap at the end of a run), if set;
 * after the usage above is recorded, so writing it does not count in the peak.
 */
const snapshot = process.env.BENCH_HEAP_SNAPSHOT;
if (snapshot) process.on('exit', () => v8.writeHeapSnapshot(snapshot));

/**
 * Where the memory is when the process exits: V8's heap by space (physical sizes: what the
 * process holds), the peak of V8's own malloc (mostly the parser and compiler's zones) and
 * memory outside the heap (sources of external strings, buffers).
 */
function memoryAtExit() {
  const spaces = new Map(v8.getHeapSpaceStatistics().map((s) => [s.space_name, s]));
  const physical = (name: string) => kib(spaces.get(name)?.physical_space_size ?? 0);
  const heap = v8.getHeapStatistics();
  const m = process.memoryUsage();
  return {
    heapKiB: kib(m.heapTotal),
    newSpaceKiB: physical('new_space'),
    oldSpaceKiB: physical('old_space'),
    peakMallocKiB: kib(heap.peak_malloced_memory),
    externalKiB: kib(m.external),
  };
}
