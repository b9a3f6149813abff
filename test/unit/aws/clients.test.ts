import { describe, expect, it } from '@jest/globals';
import { lazyClient } from '../../../src/aws/clients.js';

/** A stand-in SDK client: `send` echoes the command, and the instances made are counted. */
class EchoClient {
  static made = 0;
  constructor() {
    EchoClient.made += 1;
  }
  send(command: { name: string }): Promise<string> {
    return Promise.resolve(`sent ${command.name}`);
  }
}

describe('lazyClient', () => {
  it('loads nothing until the first send, then loads once for every later call', async () => {
    EchoClient.made = 0;
    let loads = 0;
    const client = lazyClient(() => {
      loads += 1;
      return Promise.resolve(new EchoClient());
    });
    expect(loads).toBe(0);
    const answers = await Promise.all([client.send({ name: 'A' }), client.send({ name: 'B' })]);
    expect(answers).toEqual(['sent A', 'sent B']);
    await client.send({ name: 'C' });
    expect(loads).toBe(1);
    expect(EchoClient.made).toBe(1);
  });

  it('rejects the call when the module cannot be loaded', async () => {
    const client = lazyClient<EchoClient>(() => Promise.reject(new Error('no such module')));
    await expect(client.send({ name: 'A' })).rejects.toThrow('no such module');
  });
});
