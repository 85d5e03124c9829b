package dev.slipstream.media.transport;

import dev.slipstream.media.ice.IceCredentials;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ICE-TCP mux: one listening socket, a platform thread accepting, and two virtual threads per
 * connection (see {@link TcpConnection}).
 *
 * <p>Design: sessions are found by local ufrag in a concurrent map, as on UDP; connections by their
 * remote address in another. A housekeeping virtual thread wakes every interval to end consent that
 * lapsed (closing that session's connections) and to close connections that never passed a check
 * within the bind timeout, so idle sockets cannot pile up. Closing the mux closes every session
 * first (so no sink call runs after it returns), then the listener and every connection.
 */
final class TcpMuxServer implements TcpMux {
  private static final Logger log = LoggerFactory.getLogger(TcpMuxServer.class);
  private static final Duration JOIN_WAIT = Duration.ofSeconds(5);

  private final TcpMuxConfig config;
  private final ServerSocketChannel server;
  private final InetSocketAddress localAddress;
  private final MuxStats stats = new MuxStats();
  private final ConcurrentHashMap<String, MuxSession> byUfrag = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<InetSocketAddress, TcpConnection> connections =
      new ConcurrentHashMap<>();
  private final Thread acceptor;
  private final Thread housekeeper;
  private volatile boolean closed;

  private TcpMuxServer(TcpMuxConfig config, ServerSocketChannel server) throws IOException {
    this.config = config;
    this.server = server;
    this.localAddress = (InetSocketAddress) server.getLocalAddress();
    this.acceptor =
        Thread.ofPlatform()
            .name("tcp-mux-accept-" + localAddress.getPort())
            .daemon()
            .unstarted(this::acceptLoop);
    this.housekeeper =
        Thread.ofVirtual()
            .name("tcp-mux-housekeeping-" + localAddress.getPort())
            .unstarted(this::housekeepingLoop);
  }

  static TcpMuxServer open(TcpMuxConfig config) throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open();
    try {
      server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      try {
        server.bind(config.bind(), 1_024);
      } catch (IOException e) {
        BindException named =
            new BindException(
                "cannot bind the media TCP socket to " + config.bind() + ": " + e.getMessage());
        named.initCause(e);
        throw named;
      }
      TcpMuxServer mux = new TcpMuxServer(config, server);
      mux.acceptor.start();
      mux.housekeeper.start();
      log.info("media TCP mux listening on {}", mux.localAddress);
      return mux;
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  @Override
  public InetSocketAddress localAddress() {
    return localAddress;
  }

  @Override
  public MuxRegistration register(IceCredentials credentials, PacketSink sink) {
    if (closed) {
      throw new IllegalStateException("the TCP mux on " + localAddress + " is closed");
    }
    MuxSession session = MuxSession.claim(byUfrag, credentials, sink, stats, config.clock());
    return new TcpRegistration(this, session, credentials);
  }

  @Override
  public MuxCounters counters() {
    return stats.snapshot();
  }

  @Override
  public int openConnections() {
    return connections.size();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    byUfrag.values().forEach(MuxSession::close);
    byUfrag.clear();
    try {
      server.close();
    } catch (IOException e) {
      log.debug("closing the TCP listener on {} failed", localAddress, e);
    }
    housekeeper.interrupt();
    connections.values().forEach(TcpConnection::close);
    try {
      acceptor.join(JOIN_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  MuxStats stats() {
    return stats;
  }

  @Nullable MuxSession sessionByUfrag(String ufrag) {
    return byUfrag.get(ufrag);
  }

  @Nullable TcpConnection connectionTo(InetSocketAddress remote) {
    return connections.get(remote);
  }

  void connectionClosed(TcpConnection connection) {
    connections.remove(connection.remote(), connection);
    MuxSession session = connection.session();
    if (session != null) {
      session.forget(connection.remote());
    }
  }

  /** The sessions by local ufrag, for a registration's ICE restart. */
  java.util.Map<String, MuxSession> routes() {
    return byUfrag;
  }

  void unregister(String ufrag, MuxSession session) {
    byUfrag.remove(ufrag, session);
    session.close();
    for (TcpConnection c : connections.values()) {
      if (c.session() == session) {
        c.close();
      }
    }
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        SocketChannel channel = server.accept();
        if (connections.size() >= config.maxConnections()) {
          stats.drop(DropReason.TCP_CONNECTION_REFUSED);
          channel.close();
          continue;
        }
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
        TcpConnection connection =
            new TcpConnection(
                this, channel, remote, config.clock().instant(), config.sendQueueFrames());
        connections.put(remote, connection);
        connection.start();
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        if (!closed) {
          log.warn("accepting on the TCP mux {} failed", localAddress, e);
        }
      }
    }
  }

  private void housekeepingLoop() {
    while (!closed) {
      try {
        Thread.sleep(config.housekeepingInterval());
      } catch (InterruptedException e) {
        return;
      }
      Instant now = config.clock().instant();
      for (MuxSession session : byUfrag.values()) {
        for (InetSocketAddress gone : session.expireIfStale(config.consentTimeout())) {
          TcpConnection c = connections.get(gone);
          if (c != null) {
            c.close();
          }
        }
      }
      Instant unboundBefore = now.minus(config.bindTimeout());
      for (TcpConnection c : connections.values()) {
        if (c.session() == null && c.openedAt().isBefore(unboundBefore)) {
          stats.drop(DropReason.TCP_CONNECTION_REFUSED);
          c.close();
        }
      }
    }
  }
}
