package dev.slipstream.media.transport;

import dev.slipstream.media.ice.IceCredentials;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** A session's handle on the {@link TcpMuxServer}: sends become frames on its connections. */
final class TcpRegistration extends SessionRegistration {
  private final TcpMuxServer mux;

  TcpRegistration(TcpMuxServer mux, MuxSession session, IceCredentials credentials) {
    super(session, credentials);
    this.mux = mux;
  }

  @Override
  public SendResult send(byte[] packet, int offset, int length, InetSocketAddress to) {
    SendResult refused = refusal(mux.stats(), to);
    if (refused != null) {
      return refused;
    }
    TcpConnection connection = mux.connectionTo(to);
    if (connection == null || connection.session() != session) {
      mux.stats().drop(DropReason.SEND_NO_CONSENT);
      return SendResult.DROPPED_NO_CONSENT;
    }
    return connection.enqueue(packet, offset, length);
  }

  @Override
  java.util.Map<String, MuxSession> routes() {
    return mux.routes();
  }

  @Override
  public SendResult send(ByteBuffer packet, InetSocketAddress to) {
    byte[] copy = new byte[packet.remaining()];
    packet.duplicate().get(copy);
    SendResult result = send(copy, 0, copy.length, to);
    if (result == SendResult.SENT) {
      packet.position(packet.limit());
    }
    return result;
  }

  @Override
  public void close() {
    mux.unregister(credentials.localUfrag(), session);
  }

  @Override
  public String toString() {
    return "TcpRegistration[" + credentials.localUfrag() + " on " + mux.localAddress() + "]";
  }
}
