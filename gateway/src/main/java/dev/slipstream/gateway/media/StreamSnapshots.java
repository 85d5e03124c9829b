package dev.slipstream.gateway.media;

import dev.slipstream.media.decode.DecodeTapSettings;
import dev.slipstream.media.decode.DecodedFrame;
import dev.slipstream.media.decode.FrameTap;
import dev.slipstream.media.sfu.MediaServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Still pictures of live streams, for thumbnails: a short decode tap takes one frame (asking the
 * publisher for a keyframe, so it comes at once) and the JPEG is kept for a couple of seconds, so a
 * page of viewers asking for the same thumbnail costs one decode.
 */
final class StreamSnapshots {
  /** A JPEG of one frame and the stream media time it shows. */
  record Snapshot(byte[] jpeg, long mediaTimeMicros, Instant takenAt) {}

  private record Key(String streamId, int width) {}

  private static final Duration FRESH_FOR = Duration.ofSeconds(2);
  private static final Duration FIRST_FRAME_WITHIN = Duration.ofSeconds(5);

  private final MediaServer media;
  private final InstantSource clock;
  private final Map<Key, CompletableFuture<Snapshot>> latest = new ConcurrentHashMap<>();

  StreamSnapshots(MediaServer media, InstantSource clock) {
    this.media = media;
    this.clock = clock;
  }

  /**
   * Returns a recent snapshot of a live stream, waiting for a new one when the last is stale.
   *
   * @throws dev.slipstream.platform.NotFoundException {@code stream_not_found}
   * @throws dev.slipstream.platform.ConflictException {@code stream_not_live}
   * @throws java.util.concurrent.TimeoutException when no frame was decoded within 5 s
   */
  Snapshot take(String streamId, int width) throws Exception {
    Key key = new Key(streamId, width);
    CompletableFuture<Snapshot> mine = new CompletableFuture<>();
    CompletableFuture<Snapshot> current =
        latest.compute(key, (k, old) -> old == null || stale(old) ? mine : old);
    if (current == mine) {
      try {
        capture(streamId, width, mine);
      } catch (RuntimeException e) {
        mine.completeExceptionally(e);
      }
    }
    try {
      return current.get(FIRST_FRAME_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      latest.remove(key, current);
      throw e.getCause() instanceof Exception cause ? cause : e;
    } catch (java.util.concurrent.TimeoutException e) {
      latest.remove(key, current);
      throw e;
    }
  }

  private boolean stale(CompletableFuture<Snapshot> snapshot) {
    if (!snapshot.isDone()) {
      return false;
    }
    if (snapshot.isCompletedExceptionally()) {
      return true;
    }
    return snapshot.join().takenAt().plus(FRESH_FOR).isBefore(clock.instant());
  }

  private void capture(String streamId, int width, CompletableFuture<Snapshot> result) {
    FrameTap tap =
        media.tap(
            streamId,
            new DecodeTapSettings(30, width),
            frame -> {
              if (!result.isDone()) {
                result.complete(
                    new Snapshot(jpeg(frame), frame.mediaTimeMicros(), clock.instant()));
              }
            });
    result.whenComplete((snapshot, failure) -> tap.close());
    CompletableFuture.delayedExecutor(FIRST_FRAME_WITHIN.toMillis(), TimeUnit.MILLISECONDS)
        .execute(tap::close);
  }

  private static byte[] jpeg(DecodedFrame frame) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(frame.toImage(), "jpg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
