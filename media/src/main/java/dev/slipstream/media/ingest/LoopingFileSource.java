package dev.slipstream.media.ingest;

import dev.slipstream.media.ffmpeg.FfmpegException;
import dev.slipstream.media.sfu.LocalPublisher;
import java.time.InstantSource;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.bytedeco.ffmpeg.global.avutil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a clip on a daemon thread, seeking back to the start at its end. The clip is opened and
 * checked on the caller's thread, so a broken or unplayable clip is refused before the stream goes
 * live. A clip that breaks off part-way (truncated) loops from what played; one that yields no
 * frame in a whole pass stops the source rather than spin.
 */
final class LoopingFileSource implements FileSource {
  private static final Logger log = LoggerFactory.getLogger(LoopingFileSource.class);

  private final String streamId;
  private final String clip;
  private final FfmpegInput input;
  private final DemuxSession session;
  private final LocalPublisher publisher;
  private final ClockPacing pacing;
  private final long frameTicks;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long loops;

  private LoopingFileSource(
      String streamId,
      String clip,
      FfmpegInput input,
      DemuxSession session,
      LocalPublisher publisher,
      ClockPacing pacing,
      long frameTicks) {
    this.streamId = streamId;
    this.clip = clip;
    this.input = input;
    this.session = session;
    this.publisher = publisher;
    this.pacing = pacing;
    this.frameTicks = frameTicks;
    this.thread = new Thread(this::run, "file-source-" + streamId);
    thread.setDaemon(true);
  }

  static LoopingFileSource start(
      String clip,
      String streamId,
      PublisherOpener opener,
      InstantSource clock,
      Pacer pacer,
      RandomGenerator random) {
    FfmpegInput input;
    try {
      input = FfmpegInput.open(clip, Map.of(), () -> false);
    } catch (FfmpegException e) {
      throw refused(IngestRejection.BROKEN_INPUT, clip, e.getMessage());
    }
    try {
      DemuxSession session = DemuxSession.prepare(input, random, true);
      LocalPublisher publisher;
      try {
        publisher = opener.open(session.codecs(), session::requestKeyframe);
      } catch (RuntimeException e) {
        session.close();
        throw e;
      }
      LoopingFileSource source =
          new LoopingFileSource(
              streamId,
              clip,
              input,
              session,
              publisher,
              new ClockPacing(pacer, clock.millis()),
              frameTicks(input));
      source.thread.start();
      log.info("playing {} into stream {} ({})", clip, streamId, session.codecs().video());
      return source;
    } catch (UnsupportedMediaException e) {
      input.close();
      throw refused(IngestRejection.UNSUPPORTED_MEDIA, clip, e.getMessage());
    } catch (FfmpegException e) {
      input.close();
      throw refused(IngestRejection.BROKEN_INPUT, clip, e.getMessage());
    } catch (RuntimeException e) {
      input.close();
      throw e;
    }
  }

  private static IngestRejectedException refused(IngestRejection reason, String clip, String why) {
    log.warn("file source refused {}: {} ({})", clip, why, reason);
    return new IngestRejectedException(reason, "cannot play " + clip + ": " + why);
  }

  private static long frameTicks(FfmpegInput input) {
    for (int i = 0; i < input.streamCount(); i++) {
      double fps = avutil.av_q2d(input.stream(i).avg_frame_rate());
      if (input.stream(i).codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO && fps >= 1) {
        return Math.round(90_000 / fps);
      }
    }
    return 3_000;
  }

  private void run() {
    try {
      while (running) {
        long before = session.videoFrames();
        int end = session.forward(publisher::send, () -> !running, pacing);
        if (!running) {
          break;
        }
        if (end != avutil.AVERROR_EOF) {
          log.warn(
              "{} broke off: {}; playing it again from the start",
              clip,
              FfmpegException.describe(end));
        }
        if (session.videoFrames() == before || !session.rewind()) {
          log.warn("file source for stream {} stopped: {} yields no more video", streamId, clip);
          break;
        }
        pacing.nextPass(frameTicks);
        loops++;
      }
    } catch (RuntimeException e) {
      log.error("file source for stream {} stopped: {}", streamId, e.getMessage(), e);
    } finally {
      running = false;
      session.close();
      input.close();
      publisher.close();
    }
  }

  @Override
  public String streamId() {
    return streamId;
  }

  @Override
  public long loops() {
    return loops;
  }

  @Override
  public long framesSent() {
    return session.videoFrames();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
