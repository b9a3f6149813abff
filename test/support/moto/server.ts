/**
 * Starts moto's server (the local AWS stand-in, see shared/reference/local-aws.md) on a free
 * loopback port for one test file, and stops exactly that process afterwards.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** Whether moto can be imported by the python3 on PATH; tests skip with a message when not. */
export function motoAvailable(): boolean {
  return spawnSync('python3', ['-c', 'import moto'], { stdio: 'ignore' }).status === 0;
}

/** A running moto server. */
export interface MotoServer {
  /** e.g. `http://127.0.0.1:54321`, for the SDK clients' `endpoint` option. */
  readonly endpoint: string;
  /** Stops the server process this helper started. */
  stop(): Promise<void>;
}

/** Static credentials: moto accepts any, and tests must never pick up real ones. */
export const MOTO_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };

/** moto's default account ID. */
export const MOTO_ACCOUNT = '123456789012';

/** A free loopback port (the OS picks one; it is released again for the server to take). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** Starts `python3 -m moto.server` and waits until it answers (up to `timeoutMs`). */
export async function startMoto(timeoutMs = 30000): Promise<MotoServer> {
  const port = await freePort();
  return launchMoto(['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], port, timeoutMs);
}

/**
 * Runs `python3 ARGS` (a moto server listening on 127.0.0.1:port), waits until moto's own API
 * answers, and returns a handle that stops exactly that process.
 */
export async function launchMoto(
  args: readonly string[],
  port: number,
  timeoutMs: number,
): Promise<MotoServer> {
  const child: ChildProcess = spawn('python3', [...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto exited early: ${stderr}`);
    try {
      const response = await fetch(`${endpoint}/moto-api/`);
      if (response.ok) return { endpoint, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`moto did not start within ${timeoutMs} ms: ${stderr}`);
}
