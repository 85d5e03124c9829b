package dev.slipstream.media.transport;

import dev.slipstream.media.ice.IceCredentials;
import java.net.InetSocketAddress;

/** A socket shared by every session, which routes packets to sessions by ICE credentials. */
public interface IceMux extends AutoCloseable {

  /** Returns the address the socket is bound to, with the port the system chose for port 0. */
  InetSocketAddress localAddress();

  /**
   * Registers a session: Binding requests whose USERNAME starts with {@code
   * credentials.localUfrag() + ":"} go to its ICE-lite responder, and once one is valid, packets
   * from that address reach {@code sink}.
   *
   * @throws IllegalArgumentException if a session with the same local ufrag is registered
   * @throws IllegalStateException if the mux is closed
   */
  MuxRegistration register(IceCredentials credentials, PacketSink sink);

  /**
   * Registers a session; see {@link #register(IceCredentials, PacketSink)}.
   *
   * @throws dev.slipstream.platform.InvalidInputException when a value breaks RFC 8839's grammar
   */
  default MuxRegistration register(
      String localUfrag, String localPwd, String remoteUfrag, PacketSink sink) {
    return register(new IceCredentials(localUfrag, localPwd, remoteUfrag), sink);
  }

  /** Returns a snapshot of the counters. */
  MuxCounters counters();

  /**
   * Closes the socket and every registration without calling their sinks; once this returns no sink
   * call runs or starts, unless it was called from inside one. Idempotent.
   */
  @Override
  void close();
}
