package dev.slipstream.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QueuedDatagramTransportTest {
  private final AtomicInteger dropped = new AtomicInteger();
  private final List<byte[]> sent = new ArrayList<>();
  private final QueuedDatagramTransport transport =
      new QueuedDatagramTransport(
          new DtlsSettings(Duration.ofSeconds(1), Duration.ofMillis(50), 1200, 2),
          sent::add,
          dropped::incrementAndGet);

  @Test
  void datagramsWaitInOrderUpToTheCapacityAndTheRestAreDroppedAndCounted() throws Exception {
    for (int i = 1; i <= 5; i++) {
      transport.offer(new byte[] {0, (byte) i, 0}, 1, 1);
    }

    byte[] buf = new byte[10];
    assertThat(transport.receive(buf, 0, 10, 10)).isEqualTo(1);
    assertThat(buf[0]).isEqualTo((byte) 1);
    assertThat(transport.receive(buf, 0, 10, 10)).isEqualTo(1);
    assertThat(buf[0]).isEqualTo((byte) 2);
    assertThat(transport.receive(buf, 0, 10, 10)).isEqualTo(-1);
    assertThat(dropped).hasValue(3);
  }

  @Test
  void stoppingWakesAReceiveThatIsWaitingWithoutLimit() throws Exception {
    CompletableFuture<Integer> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return transport.receive(new byte[10], 0, 10, 0);
              } catch (InterruptedIOException e) {
                return -99;
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });

    transport.stopReceiving();

    assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(-99);
    assertThatThrownBy(() -> transport.receive(new byte[10], 0, 10, 10))
        .isInstanceOf(InterruptedIOException.class);
  }

  @Test
  void whatBouncyCastleSendsReachesThePeerUntilTheTransportIsClosed() throws Exception {
    transport.send(new byte[] {9, 1, 2, 9}, 1, 2);
    transport.close();
    transport.send(new byte[] {3}, 0, 1);

    assertThat(sent).containsExactly(new byte[] {1, 2});
  }
}
