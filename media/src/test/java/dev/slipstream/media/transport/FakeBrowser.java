package dev.slipstream.media.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.media.ice.ReceivedStun;
import dev.slipstream.media.ice.StunAttribute;
import dev.slipstream.media.ice.StunClass;
import dev.slipstream.media.ice.StunMessage;
import dev.slipstream.media.ice.StunParseResult;
import dev.slipstream.media.ice.StunTransactionId;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** A plain UDP socket that acts like a browser's ICE agent talking to the SFU. */
final class FakeBrowser implements AutoCloseable {
  private final DatagramSocket socket;
  private final InetSocketAddress sfu;
  private final SplittableRandom random;

  FakeBrowser(InetSocketAddress sfu, long seed) throws IOException {
    this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.socket.setSoTimeout(5_000);
    this.sfu = sfu;
    this.random = new SplittableRandom(seed);
  }

  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /** Builds a signed Binding request as a controlling browser sends it. */
  byte[] bindingRequest(String username, String password, boolean useCandidate) {
    List<StunAttribute> attributes = new ArrayList<>();
    attributes.add(new StunAttribute.Username(username));
    attributes.add(new StunAttribute.Priority(1_853_824_767L));
    attributes.add(new StunAttribute.IceControlling(random.nextLong()));
    if (useCandidate) {
      attributes.add(new StunAttribute.UseCandidate());
    }
    return new StunMessage(
            StunClass.REQUEST, StunClass.BINDING, StunTransactionId.random(random), attributes)
        .encodeSigned(password.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends a check and returns the response with the same transaction id. */
  ReceivedStun check(String username, String password, boolean useCandidate) throws IOException {
    byte[] request = bindingRequest(username, password, useCandidate);
    send(request);
    ReceivedStun response = parse(receive());
    assertThat(response.message().transactionId())
        .isEqualTo(parse(request).message().transactionId());
    return response;
  }

  void send(byte[] packet) throws IOException {
    socket.send(new DatagramPacket(packet, packet.length, sfu));
  }

  byte[] receive() throws IOException {
    byte[] buffer = new byte[2048];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    socket.receive(packet);
    return Arrays.copyOf(buffer, packet.getLength());
  }

  /** Checks nothing arrives within {@code millis}. */
  void expectSilenceFor(int millis) throws IOException {
    socket.setSoTimeout(Math.max(1, millis));
    try {
      byte[] got = receive();
      throw new AssertionError("expected silence, got " + got.length + " bytes");
    } catch (SocketTimeoutException expected) {
      // silence
    } finally {
      socket.setSoTimeout(5_000);
    }
  }

  static ReceivedStun parse(byte[] wire) {
    StunParseResult result = StunMessage.decode(wire, 0, wire.length);
    assertThat(result).isInstanceOf(StunParseResult.Parsed.class);
    return ((StunParseResult.Parsed) result).stun();
  }

  @Override
  public void close() {
    socket.close();
  }
}
