/**
 * moto with the (patchable) faults of shared/reference/local-aws.md patched by launcher.py, so
 * that the deploy -> outputs -> verify flow behaves as it does on AWS. One server per test file.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, launchMoto } from './server.js';

const LAUNCHER = join(dirname(fileURLToPath(import.meta.url)), 'launcher.py');

/** A running patched moto server. */
export interface PatchedMoto {
  /** e.g. `http://127.0.0.1:54321`, for `AWS_ENDPOINT_URL` or an SDK client's `endpoint`. */
  readonly url: string;
  /** Stops the server process this helper started. */
  stop(): Promise<void>;
  /** Forgets every resource (moto's `POST /moto-api/reset`). */
  reset(): Promise<void>;
  /** The services (SigV4 scope: `cloudformation`, `sts`, ...) called since the last clear. */
  servicesCalled(): Promise<string[]>;
  clearServicesCalled(): Promise<void>;
}

/**
 * Why the moto tests cannot run here, or undefined when they can: moto must be importable by
 * the python3 on PATH (shared/reference/local-aws.md).
 */
export function motoMissingReason(): string | undefined {
  const probe = spawnSync('python3', ['-c', 'import moto'], { encoding: 'utf8' });
  if (probe.status === 0) return undefined;
  const why = probe.error ? probe.error.message : (probe.stderr ?? '').trim().split('\n').pop();
  return `moto is not available ('python3 -c "import moto"' failed: ${why}); install it with 'pip install "moto[server]"' to run these tests`;
}

/** Starts launcher.py on a free loopback port and waits until moto answers. */
export async function startPatchedMoto(timeoutMs = 30000): Promise<PatchedMoto> {
  const port = await freePort();
  const server = await launchMoto([LAUNCHER, String(port)], port, timeoutMs);
  const url = server.endpoint;
  const call = async (method: string, path: string): Promise<Response> => {
    const response = await fetch(`${url}${path}`, { method });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
    return response;
  };
  return {
    url,
    stop: () => server.stop(),
    reset: async () => {
      await call('POST', '/moto-api/reset');
    },
    servicesCalled: async () =>
      (await (await call('GET', '/_launcher/requests')).json()) as string[],
    clearServicesCalled: async () => {
      await call('DELETE', '/_launcher/requests');
    },
  };
}
