package dev.slipstream.media.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClockPatternTest {
  private static final long NOW = 1_795_514_400_123L; // 2026-11-24T10:00:00.123Z

  @Test
  void theBrowserReaderPortReadsBackTheMillisecondsDrawnIntoASceneFrame() {
    TrackScene scene = new TrackScene(new SplittableRandom(1));
    BufferedImage frame = frame();
    SplittableRandom random = new SplittableRandom(9);

    for (int i = 0; i < 200; i++) {
      long epochMillis = NOW + random.nextLong(1L << 40);
      scene.render(frame, epochMillis);

      assertThat(ClockPattern.read(frame)).hasValue(epochMillis & 0xFFFF_FFFFL);
    }
  }

  @Test
  void aFrameWithoutThePatternOrWithAFlippedBlockReadsAsNothing() {
    BufferedImage frame = frame();
    Graphics2D g = frame.createGraphics();
    g.setColor(Color.GRAY);
    g.fillRect(0, 0, 640, 360);
    assertThat(ClockPattern.read(frame)).isEmpty();

    ClockPattern.draw(g, NOW);
    int x = 4 + 5 * 30 + 15;
    boolean white = (frame.getRGB(x, 19) & 0xFF) > 128;
    g.setColor(white ? Color.BLACK : Color.WHITE);
    g.fillRect(4 + 5 * 30, 4, 30, 30);
    g.dispose();

    assertThat(ClockPattern.read(frame)).isEmpty();
  }

  @Test
  void aValueReadModulo2To32UnwrapsToTheEpochMillisecondsNearTheReader() {
    long read = NOW & 0xFFFF_FFFFL;

    assertThat(ClockPattern.unwrap(read, NOW + 250)).isEqualTo(NOW);
    assertThat(ClockPattern.unwrap(read, NOW - 250)).isEqualTo(NOW);
    long justBeforeWrap = (NOW | 0xFFFF_FFFFL) - 10;
    assertThat(ClockPattern.unwrap(justBeforeWrap & 0xFFFF_FFFFL, justBeforeWrap + 40))
        .isEqualTo(justBeforeWrap);
  }

  @Test
  void theAthletesAllMoveAcrossTheTrackAtDifferentSpeeds() {
    TrackScene scene = new TrackScene(new SplittableRandom(4));
    BufferedImage frame = frame();
    double[] start = scene.runners().stream().mapToDouble(Runner::x).toArray();

    for (int i = 0; i < 30; i++) {
      scene.render(frame, NOW + i * 33L);
    }

    double[] moved = new double[4];
    for (int i = 0; i < 4; i++) {
      double now = scene.runners().get(i).x();
      moved[i] = now >= start[i] ? now - start[i] : now + 720 - start[i];
    }
    assertThat(java.util.Arrays.stream(moved).boxed().toList())
        .allSatisfy(d -> assertThat(d).isBetween(50.0, 200.0));
    assertThat(java.util.Arrays.stream(moved).distinct().count()).isEqualTo(4);
  }

  static BufferedImage frame() {
    return new BufferedImage(640, 360, BufferedImage.TYPE_3BYTE_BGR);
  }
}
