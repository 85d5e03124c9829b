package dev.slipstream.media.transport;

import dev.slipstream.media.ice.BindingOutcome;
import dev.slipstream.media.ice.IceCredentials;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP mux: one non-blocking {@link DatagramChannel}, one platform receive thread.
 *
 * <p>Design: the receive thread is the only reader. It waits in a {@link Selector} for at most the
 * housekeeping interval, drains up to {@link #BURST} datagrams, then checks consent when due, so a
 * busy socket cannot starve consent and an idle one still wakes. Each datagram is copied out of one
 * reused direct buffer into a fresh array, which is what sinks receive and own. Routing state lives
 * in two concurrent maps: local ufrag → session (written by {@code register}/{@code close} on any
 * thread) and remote address → session (written only by the receive thread, plus removals by {@code
 * close}). Senders on any thread call {@link DatagramChannel#send} directly: the channel allows one
 * reader and one writer at once, and in non-blocking mode a full kernel buffer returns 0 (counted
 * as a drop) instead of waiting, and an interrupted sender does not close the shared channel (only
 * blocking operations are interruptible).
 *
 * <p>Closing a registration marks its session closed under the session's lock, then unroutes it; an
 * address the receive thread routes concurrently is unrouted by whichever side sees the other
 * second (see {@link #bind}). Closing the mux stops and joins the receive thread before closing the
 * channel.
 */
final class UdpMuxLoop implements UdpMux {
  private static final Logger log = LoggerFactory.getLogger(UdpMuxLoop.class);
  private static final int MAX_DATAGRAM = 65_536;
  private static final int BURST = 256;
  private static final Duration JOIN_WAIT = Duration.ofSeconds(5);

  private final UdpMuxConfig config;
  private final DatagramChannel channel;
  private final Selector selector;
  private final InetSocketAddress localAddress;
  private final MuxStats stats = new MuxStats();
  private final ConcurrentHashMap<String, MuxSession> byUfrag = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<InetSocketAddress, MuxSession> byRemote =
      new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean closed;
  private Instant nextHousekeeping;

  private UdpMuxLoop(UdpMuxConfig config, DatagramChannel channel, Selector selector)
      throws IOException {
    this.config = config;
    this.channel = channel;
    this.selector = selector;
    this.localAddress = (InetSocketAddress) channel.getLocalAddress();
    this.nextHousekeeping = config.clock().instant().plus(config.housekeepingInterval());
    this.thread =
        Thread.ofPlatform()
            .name("udp-mux-" + localAddress.getPort())
            .daemon()
            .unstarted(this::receiveLoop);
  }

  static UdpMuxLoop open(UdpMuxConfig config) throws IOException {
    InetSocketAddress bind = config.bind();
    DatagramChannel channel =
        DatagramChannel.open(
            bind.getAddress() instanceof Inet4Address
                ? StandardProtocolFamily.INET
                : StandardProtocolFamily.INET6);
    Selector selector = null;
    try {
      if (config.socketBufferBytes() > 0) {
        channel.setOption(StandardSocketOptions.SO_RCVBUF, config.socketBufferBytes());
        channel.setOption(StandardSocketOptions.SO_SNDBUF, config.socketBufferBytes());
      }
      try {
        channel.bind(bind);
      } catch (IOException e) {
        BindException named =
            new BindException(
                "cannot bind the media UDP socket to " + bind + ": " + e.getMessage());
        named.initCause(e);
        throw named;
      }
      channel.configureBlocking(false);
      selector = Selector.open();
      channel.register(selector, SelectionKey.OP_READ);
      UdpMuxLoop mux = new UdpMuxLoop(config, channel, selector);
      mux.thread.start();
      log.info("media UDP mux listening on {}", mux.localAddress);
      return mux;
    } catch (IOException | RuntimeException e) {
      channel.close();
      if (selector != null) {
        selector.close();
      }
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
      throw new IllegalStateException("the UDP mux on " + localAddress + " is closed");
    }
    MuxSession session = MuxSession.claim(byUfrag, credentials, sink, stats, config.clock());
    return new UdpRegistration(this, session, credentials);
  }

  @Override
  public MuxCounters counters() {
    return stats.snapshot();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    selector.wakeup();
    if (Thread.currentThread() != thread) {
      try {
        thread.join(JOIN_WAIT);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byUfrag.values().forEach(MuxSession::close);
    byUfrag.clear();
    byRemote.clear();
    try {
      selector.close();
      channel.close();
    } catch (IOException e) {
      log.debug("closing the UDP mux on {} failed", localAddress, e);
    }
  }

  /** Sends for a registration or a STUN answer; never blocks. */
  SendResult transmit(ByteBuffer packet, InetSocketAddress to) {
    try {
      int sent = channel.send(packet, to);
      if (sent == 0) {
        stats.drop(DropReason.SEND_BUFFER_FULL);
        return SendResult.DROPPED_BUFFER_FULL;
      }
      stats.sent(sent);
      return SendResult.SENT;
    } catch (ClosedChannelException e) {
      stats.drop(DropReason.SEND_CLOSED);
      return SendResult.DROPPED_CLOSED;
    } catch (IOException | RuntimeException e) {
      // e.g. an unreachable network, or an IPv6 destination on an IPv4 socket
      stats.drop(DropReason.SEND_FAILED);
      log.debug("sending {} bytes to {} failed", packet.remaining(), to, e);
      return SendResult.DROPPED_IO_ERROR;
    }
  }

  MuxStats stats() {
    return stats;
  }

  /** The sessions by local ufrag, for a registration's ICE restart. */
  java.util.Map<String, MuxSession> routes() {
    return byUfrag;
  }

  /** Removes a closed registration's routes. */
  void unregister(String ufrag, MuxSession session) {
    byUfrag.remove(ufrag, session);
    session.close().forEach(remote -> byRemote.remove(remote, session));
  }

  private void receiveLoop() {
    ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    long waitMillis = Math.max(1, config.housekeepingInterval().toMillis());
    while (!closed) {
      try {
        selector.select(waitMillis);
        selector.selectedKeys().clear();
        drain(buffer);
        housekeeping();
      } catch (ClosedChannelException | ClosedSelectorException e) {
        break;
      } catch (IOException e) {
        if (!closed) {
          stats.drop(DropReason.RECEIVE_FAILED);
          log.warn("receiving on the UDP mux {} failed", localAddress, e);
        }
      } catch (RuntimeException e) {
        stats.drop(DropReason.RECEIVE_FAILED);
        log.error("the UDP mux {} failed to handle a packet", localAddress, e);
      }
    }
  }

  private void drain(ByteBuffer buffer) throws IOException {
    for (int i = 0; i < BURST && !closed; i++) {
      buffer.clear();
      SocketAddress source = channel.receive(buffer);
      if (source == null) {
        return;
      }
      buffer.flip();
      byte[] packet = new byte[buffer.remaining()];
      buffer.get(packet);
      stats.received(packet.length);
      dispatch(packet, (InetSocketAddress) source);
    }
  }

  private void dispatch(byte[] packet, InetSocketAddress from) {
    switch (PacketKind.of(packet, packet.length)) {
      case STUN -> onStun(packet, from);
      case DTLS -> {
        MuxSession session = byRemote.get(from);
        if (session == null) {
          stats.drop(DropReason.UNKNOWN_SOURCE);
        } else {
          session.deliverDtls(packet, packet.length, from);
        }
      }
      case RTP -> {
        MuxSession session = byRemote.get(from);
        if (session == null) {
          stats.drop(DropReason.UNKNOWN_SOURCE);
        } else {
          session.deliverRtp(packet, packet.length, from);
        }
      }
      case UNRECOGNISED -> stats.drop(DropReason.UNRECOGNISED_PACKET);
    }
  }

  private void onStun(byte[] packet, InetSocketAddress from) {
    switch (StunRouting.route(packet, packet.length, from, byUfrag::get)) {
      case StunRouting.Unroutable u -> stats.drop(u.reason());
      case StunRouting.Handled h -> {
        switch (h.outcome()) {
          case BindingOutcome.Accepted a -> {
            stats.bindingAccepted();
            // Route first, so that once the browser has the answer the path is open both ways.
            bind(from, h.session(), a.useCandidate());
            transmit(ByteBuffer.wrap(a.response()), from);
          }
          case BindingOutcome.Refused r -> {
            stats.bindingRefused(r.reason());
            transmit(ByteBuffer.wrap(r.response()), from);
          }
          case BindingOutcome.Dropped d -> stats.bindingRefused(d.reason());
        }
      }
    }
  }

  /**
   * Routes {@code from} to {@code session}. If the session closes meanwhile, either its close saw
   * the address in its set and unroutes it, or {@code validated} sees it closed and we unroute.
   */
  private void bind(InetSocketAddress from, MuxSession session, boolean useCandidate) {
    @Nullable MuxSession previous = byRemote.put(from, session);
    if (previous != null && previous != session) {
      previous.forget(from);
    }
    if (!session.validated(from, useCandidate)) {
      byRemote.remove(from, session);
    }
  }

  private void housekeeping() {
    Instant now = config.clock().instant();
    if (now.isBefore(nextHousekeeping)) {
      return;
    }
    nextHousekeeping = now.plus(config.housekeepingInterval());
    for (MuxSession session : byUfrag.values()) {
      for (InetSocketAddress gone : session.expireIfStale(config.consentTimeout())) {
        byRemote.remove(gone, session);
      }
    }
  }
}
