package dev.slipstream.bench.viewers;

import java.net.URI;

/**
 * A Slipstream started separately ({@code ./slipstream demo}, or {@code bench viewers
 * --serve-only}), so that the server and the load run in different processes.
 *
 * @param baseUri the gateway's base URL
 * @param streamId a stream that is live there
 */
record RemoteServer(URI baseUri, String streamId) implements LoadTarget {
  @Override
  public ServerFigures figures() {
    return ServerFigures.UNKNOWN;
  }

  @Override
  public void close() {
    // Not ours to stop.
  }
}
