package dev.slipstream.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PacketCacheTest {
  private final FakeClock clock = new FakeClock();
  private final PacketCache cache = PacketCache.create(64, Duration.ofSeconds(2), clock);

  @Test
  void aCachedPacketComesBackByItsSequenceNumberByteForByte() {
    List<RtpPacket> h264 = CapturedPackets.rtp("h264.rtp.hex");
    h264.subList(0, 40).forEach(cache::put);

    RtpPacket resent = cache.get(65_535).orElseThrow().copy();

    RtpPacket original = h264.get(35);
    assertThat(resent.sequenceNumber()).isEqualTo(65_535);
    assertThat(RtpPacketTest.payload(resent)).isEqualTo(RtpPacketTest.payload(original));
    assertThat(resent.timestamp()).isEqualTo(original.timestamp());
  }

  @Test
  void theCacheHoldsACopySoLaterChangesToTheOriginalDoNotLeakIn() {
    RtpPacket packet = PacketBytes.rtp().sequenceNumber(5).parse();
    cache.put(packet);

    packet.setSsrc(1);
    RtpPacket copy = cache.get(5).orElseThrow().copy();
    copy.setSsrc(2);

    assertThat(cache.get(5).orElseThrow().copy().ssrc()).isEqualTo(0x11223344L);
  }

  @Test
  void onlyTheNewestCapacityPacketsAreKept() {
    for (int seq = 0; seq < 100; seq++) {
      cache.put(PacketBytes.rtp().sequenceNumber(seq).parse());
    }

    assertThat(cache.get(35)).isEmpty();
    assertThat(cache.get(36)).isPresent();
    assertThat(cache.get(99)).isPresent();
    assertThat(cache.get(100)).isEmpty();
  }

  @Test
  void aLateOldPacketDoesNotEvictANewerOne() {
    for (int seq = 0; seq < 100; seq++) {
      cache.put(PacketBytes.rtp().sequenceNumber(seq).parse());
    }

    cache.put(PacketBytes.rtp().sequenceNumber(99 - 64).parse());

    assertThat(cache.get(99)).isPresent();
    assertThat(cache.get(35)).isEmpty();
  }

  @Test
  void packetsOlderThanTheMaxAgeAreNotResent() {
    cache.put(PacketBytes.rtp().sequenceNumber(1).parse());
    clock.advanceMillis(2_001);

    assertThat(cache.get(1)).isEmpty();
  }

  @Test
  void theCacheWorksAcrossTheWrap() {
    for (int seq = 65_500; seq < 65_500 + 60; seq++) {
      cache.put(PacketBytes.rtp().sequenceNumber(seq & 0xFFFF).parse());
    }

    assertThat(cache.get(65_535)).isPresent();
    assertThat(cache.get(23)).isPresent();
    assertThat(cache.get(24)).isEmpty();
  }

  @Test
  void readersOnOtherThreadsOnlyEverSeeWholePacketsWithTheNumberTheyAskedFor() throws Exception {
    PacketCache shared = PacketCache.create(16, Duration.ofMinutes(1), InstantSource.system());
    int writes = 200_000;
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicInteger hits = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(1);
    List<Thread> readers = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      readers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    int seq = 0;
                    while (done.getCount() > 0) {
                      seq = (seq + 7) & 0xFFFF;
                      int wanted = seq;
                      shared
                          .get(wanted)
                          .ifPresent(
                              cached -> {
                                RtpPacket copy = cached.copy();
                                // the payload repeats the sequence number's low byte
                                byte expected = (byte) wanted;
                                byte[] payload = RtpPacketTest.payload(copy);
                                if (copy.sequenceNumber() != wanted
                                    || payload[0] != expected
                                    || payload[payload.length - 1] != expected) {
                                  failure.compareAndSet(null, new AssertionError(copy));
                                }
                                hits.incrementAndGet();
                              });
                    }
                  }));
    }
    for (int i = 0; i < writes; i++) {
      int seq = i & 0xFFFF;
      String b = "%02x".formatted(seq & 0xFF);
      shared.put(PacketBytes.rtp().sequenceNumber(seq).payload(b.repeat(100)).parse());
    }
    done.countDown();
    for (Thread reader : readers) {
      reader.join();
    }

    assertThat(failure.get()).isNull();
    assertThat(hits.get()).isPositive();
  }

  @Test
  void aCapacityThatIsNotAPowerOfTwoIsRefused() {
    assertThatThrownBy(() -> PacketCache.create(1000, Duration.ofSeconds(1), clock))
        .hasMessage("capacity must be a power of two from 16 to 32768, got 1000");
  }
}
