package dev.slipstream.media.transport;

import dev.slipstream.media.ice.BindingCounters;
import dev.slipstream.media.ice.IceCredentials;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One session's place on a shared mux: how it sends, and what it has learnt about the browser's
 * addresses. Thread-safe; {@code send} never blocks.
 */
public interface MuxRegistration extends AutoCloseable {

  /** Returns the session's credentials: those it was registered with, or the last restart's. */
  IceCredentials credentials();

  /**
   * Restarts ICE (RFC 8445 §9) with new credentials: connectivity checks must carry them from now
   * on; the addresses that hold consent keep it, so media flows on while the peer checks again.
   *
   * @throws IllegalArgumentException when the new local ufrag is already registered on this mux
   */
  void restartIce(IceCredentials next);

  /**
   * Sends {@code packet[offset, offset + length)} to {@code to}, which must be an address that
   * passed a connectivity check for this session (see {@link PacketSink#onConnected}). Never
   * blocks: when the buffer is full the packet is dropped and counted. The mux does not keep the
   * array, so the caller may reuse it as soon as this returns.
   */
  SendResult send(byte[] packet, int offset, int length, InetSocketAddress to);

  /** Sends the whole of {@code packet}; see {@link #send(byte[], int, int, InetSocketAddress)}. */
  default SendResult send(byte[] packet, InetSocketAddress to) {
    return send(packet, 0, packet.length, to);
  }

  /**
   * Sends the remaining bytes of {@code packet}; see {@link #send(byte[], int, int,
   * InetSocketAddress)}. Its position moves to its limit only when the result is {@link
   * SendResult#SENT}.
   */
  SendResult send(ByteBuffer packet, InetSocketAddress to);

  /** Returns the address the browser nominated last, while consent holds. */
  Optional<InetSocketAddress> nominatedRemote();

  /** Returns every address that has passed a check and still holds consent. */
  Set<InetSocketAddress> validatedRemotes();

  /** Returns when the last valid connectivity check arrived, if any has. */
  Optional<Instant> lastConsent();

  /** Tells the session that media from its peer just authenticated (see IceLiteResponder). */
  void mediaAuthenticated();

  /** Returns this session's accepted and refused checks. */
  BindingCounters bindingCounters();

  /**
   * Leaves the mux: its ufrag and addresses are forgotten, sends are refused, and once this returns
   * no sink call runs or starts (a call in progress on another thread is waited for). Idempotent.
   * Calling it from inside a sink call is allowed.
   */
  @Override
  void close();
}
