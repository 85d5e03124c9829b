package dev.slipstream.bench.viewers;

import java.net.URI;

/** The server under load and its live stream: an in-process node, or one started separately. */
sealed interface LoadTarget extends AutoCloseable permits InProcessNode, RemoteServer {
  /** Returns the gateway's base URL, e.g. {@code http://127.0.0.1:8080}. */
  URI baseUri();

  /** Returns the id of the live stream the viewers play. */
  String streamId();

  /** Returns the server's own counters, where this process can see them. */
  ServerFigures figures();

  /** Stops what this process started (nothing for a remote server). */
  @Override
  void close();
}
