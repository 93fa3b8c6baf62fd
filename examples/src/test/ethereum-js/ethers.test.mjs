// ethers v6, a real Ethereum client library, against the server's Chain service (JSONRPCWS_URL): it follows new
// blocks through eth_subscribe ["newHeads"] / eth_subscription, and unsubscribes with eth_unsubscribe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocketProvider } from 'ethers';

const url = process.env.JSONRPCWS_URL;
const noServer = url ? false : 'JSONRPCWS_URL is not set (EthereumClientFollowsBlocksTest in the examples module sets it)';

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

test('ethers follows new blocks with provider.on(\'block\') and unsubscribes with provider.off', { skip: noServer },
  async () => {
    const provider = new WebSocketProvider(url);
    try {
      assert.equal((await provider.getNetwork()).chainId, 1337n);
      const blocks = [];
      await new Promise((resolve, reject) => {
        provider.on('block', number => {
          blocks.push(number);
          if (blocks.length === 5) {
            resolve();
          }
        }).catch(reject);
      });
      await provider.off('block');
      assert.deepEqual(blocks, blocks.map((_, i) => blocks[0] + i), `consecutive block numbers: ${blocks}`);
      assert.ok(blocks[0] > 0x100, `block numbers are parsed from hex: ${blocks}`);
      let cancelled = 0;
      for (let i = 0; i < 100 && cancelled === 0; i++) {
        cancelled = await provider.send('test_headsCancelled', []);
        if (cancelled === 0) {
          await sleep(20);
        }
      }
      assert.equal(cancelled, 1, 'eth_unsubscribe cancelled the service\'s publisher');
      const latest = await provider.getBlockNumber();
      assert.ok(latest >= blocks.at(-1), `eth_blockNumber ${latest} after ${blocks}`);
      const calls = await provider.send('test_calls', []);
      assert.ok(calls.includes('eth_chainId'), `calls: ${calls}`);
      assert.equal(calls.filter(c => c.startsWith('eth_subscribe')).join(), 'eth_subscribe newHeads');
      console.log('the library called', calls.join(', '));
    } finally {
      await provider.destroy();
    }
  });
