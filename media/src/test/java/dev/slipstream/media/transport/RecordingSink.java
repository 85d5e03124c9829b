package dev.slipstream.media.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A hand-written sink that records every call in order, for tests to take one at a time. */
final class RecordingSink implements PacketSink {
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final AtomicInteger concurrentCalls = new AtomicInteger();
  private volatile boolean throwOnRtp;
  private volatile boolean overlapSeen;

  /** One recorded call. */
  sealed interface Event {}

  record Connected(InetSocketAddress remote) implements Event {}

  record Nominated(InetSocketAddress remote) implements Event {}

  record Dtls(String hex, InetSocketAddress from) implements Event {}

  record Rtp(String hex, InetSocketAddress from) implements Event {}

  record ConsentExpired() implements Event {}

  void throwOnRtp(boolean value) {
    throwOnRtp = value;
  }

  /** Returns the next call, waiting up to five seconds. */
  Event next() throws InterruptedException {
    Event e = events.poll(5, TimeUnit.SECONDS);
    assertThat(e).as("a sink call within 5 s").isNotNull();
    return e;
  }

  /** Checks no call arrives within {@code millis}. */
  void expectNothingFor(long millis) throws InterruptedException {
    assertThat(events.poll(millis, TimeUnit.MILLISECONDS)).isNull();
  }

  boolean sawOverlappingCalls() {
    return overlapSeen;
  }

  static String hex(byte[] packet, int length) {
    return java.util.HexFormat.of().formatHex(Arrays.copyOf(packet, length));
  }

  @Override
  public void onConnected(InetSocketAddress remote) {
    record(new Connected(remote));
  }

  @Override
  public void onNominated(InetSocketAddress remote) {
    record(new Nominated(remote));
  }

  @Override
  public void onDtls(byte[] packet, int length, InetSocketAddress from) {
    record(new Dtls(hex(packet, length), from));
  }

  @Override
  public void onRtp(byte[] packet, int length, InetSocketAddress from) {
    if (throwOnRtp) {
      throw new IllegalStateException("a sink bug");
    }
    record(new Rtp(hex(packet, length), from));
  }

  @Override
  public void onConsentExpired() {
    record(new ConsentExpired());
  }

  private void record(Event e) {
    if (concurrentCalls.incrementAndGet() > 1) {
      overlapSeen = true;
    }
    events.add(e);
    concurrentCalls.decrementAndGet();
  }
}
