// The real graphql-ws client running one subscription against the gateway, for GraphQlBettingIT:
// prints one JSON line per thing that happens and stops (sending `complete`) after the given
// number of results.
//
// Usage: node graphql-watch.mjs <ws url> <count> <subscription document> [access token]
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, count, query, token] = process.argv.slice(2);
const print = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  lazy: false,
  retryAttempts: 0,
  connectionParams: token ? { authorization: `Bearer ${token}` } : {},
  on: { connected: () => print({ event: 'connected' }) },
});

try {
  let received = 0;
  for await (const result of client.iterate({ query })) {
    print({ event: 'next', result });
    received += 1;
    if (received >= Number(count)) {
      break;
    }
  }
  print({ event: 'done', received });
} catch (error) {
  print({ event: 'error', error: error instanceof Error ? error.message : JSON.stringify(error) });
  process.exitCode = 1;
} finally {
  await client.dispose();
}
