package dev.slipstream.media.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class MediaClockTest {
  private final InstantSource wall = InstantSource.fixed(Instant.parse("2026-11-24T10:00:00Z"));
  private final MediaClock clock = new MediaClock(wall);

  @Test
  void mediaTimeStartsAtTheFirstVideoPacketAndFollowsItsTimestamps() {
    assertThat(clock.observe(7, 1_000_000, 90_000)).isZero();
    assertThat(clock.observe(7, 1_000_000 + 3_000, 90_000)).isEqualTo(33_333);
    assertThat(clock.observe(7, 1_000_000 + 90_000, 90_000)).isEqualTo(1_000_000);
    assertThat(clock.zero())
        .isEqualTo(
            new MediaClock.Zero(7, 1_000_000, 90_000, Instant.parse("2026-11-24T10:00:00Z")));
  }

  @Test
  void timestampsWrappingPastTwoToTheThirtyTwoKeepCounting() {
    long start = 0xFFFF_FFFFL - 1_500;
    clock.observe(7, start, 90_000);
    assertThat(clock.observe(7, (start + 3_000) & 0xFFFF_FFFFL, 90_000)).isEqualTo(33_333);
    assertThat(clock.observe(7, (start + 93_000) & 0xFFFF_FFFFL, 90_000)).isEqualTo(1_033_333);
  }

  @Test
  void aReorderedPacketMapsBackToItsEarlierTime() {
    clock.observe(7, 10_000, 90_000);
    clock.observe(7, 16_000, 90_000);
    assertThat(clock.observe(7, 13_000, 90_000)).isEqualTo(33_333);
    assertThat(clock.observe(7, 19_000, 90_000)).isEqualTo(100_000);
  }

  @Test
  void aNewVideoSourceStartsANewZero() {
    clock.observe(7, 10_000, 90_000);
    clock.observe(7, 100_000, 90_000);
    assertThat(clock.observe(8, 555, 90_000)).isZero();
    assertThat(clock.zero().ssrc()).isEqualTo(8);
  }
}
