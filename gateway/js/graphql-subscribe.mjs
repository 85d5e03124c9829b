// The real graphql-ws client against the gateway, for GraphQlWsIT: runs a query, then subscribes
// to a stream's market updates and prints one JSON line per thing that happens, stopping (which
// sends `complete`) after the given number of updates.
//
// Usage: node graphql-subscribe.mjs <ws url> <stream id> <fromSequence> <count> [access token]
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, streamId, fromSequence, count, token] = process.argv.slice(2);
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
  const query = `query ($id: ID!) {
    stream(id: $id) { id title markets { marketId priceVersion } }
    ${token ? 'me { email roles }' : ''}
  }`;
  for await (const result of client.iterate({ query, variables: { id: streamId } })) {
    print({ event: 'query', result });
    break;
  }
  let received = 0;
  const subscription = client.iterate({
    query: `subscription ($id: ID!, $from: Long) {
      marketUpdates(streamId: $id, fromSequence: $from) {
        sequence marketId streamId priceVersion state reason prices { selectionId decimalOddsBp }
      }
    }`,
    variables: { id: streamId, from: Number(fromSequence) },
  });
  for await (const result of subscription) {
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
