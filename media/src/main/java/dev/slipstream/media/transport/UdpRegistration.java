package dev.slipstream.media.transport;

import dev.slipstream.media.ice.IceCredentials;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** A session's handle on the {@link UdpMuxLoop}: sends are datagrams from the shared socket. */
final class UdpRegistration extends SessionRegistration {
  private final UdpMuxLoop mux;

  UdpRegistration(UdpMuxLoop mux, MuxSession session, IceCredentials credentials) {
    super(session, credentials);
    this.mux = mux;
  }

  @Override
  public SendResult send(byte[] packet, int offset, int length, InetSocketAddress to) {
    return send(ByteBuffer.wrap(packet, offset, length), to);
  }

  @Override
  public SendResult send(ByteBuffer packet, InetSocketAddress to) {
    SendResult refused = refusal(mux.stats(), to);
    return refused != null ? refused : mux.transmit(packet, to);
  }

  @Override
  java.util.Map<String, MuxSession> routes() {
    return mux.routes();
  }

  @Override
  public void close() {
    mux.unregister(credentials.localUfrag(), session);
  }

  @Override
  public String toString() {
    return "UdpRegistration[" + credentials.localUfrag() + " on " + mux.localAddress() + "]";
  }
}
