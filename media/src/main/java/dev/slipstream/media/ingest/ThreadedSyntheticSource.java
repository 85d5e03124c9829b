package dev.slipstream.media.ingest;

import dev.slipstream.media.sfu.LocalPublisher;
import java.awt.image.BufferedImage;
import java.time.InstantSource;
import java.util.function.ObjLongConsumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link SyntheticFrames} on a daemon thread at 30 fps by the injected clock. Frame n is due
 * at start + n/30 s; a source that falls more than a second behind (a paused VM) starts counting
 * afresh instead of bursting to catch up. The thread owns the encoders and closes them, and the
 * publisher, when it stops.
 */
final class ThreadedSyntheticSource implements SyntheticSource {
  private static final Logger log = LoggerFactory.getLogger(ThreadedSyntheticSource.class);

  private final String streamId;
  private final SyntheticFrames frames;
  private final LocalPublisher publisher;
  private final InstantSource clock;
  private final Pacer pacer;
  private final Thread thread;
  private volatile boolean running = true;

  private ThreadedSyntheticSource(
      String streamId,
      SyntheticFrames frames,
      LocalPublisher publisher,
      InstantSource clock,
      Pacer pacer) {
    this.streamId = streamId;
    this.frames = frames;
    this.publisher = publisher;
    this.clock = clock;
    this.pacer = pacer;
    this.thread = new Thread(this::run, "synthetic-source-" + streamId);
    thread.setDaemon(true);
  }

  static ThreadedSyntheticSource start(
      String streamId,
      PublisherOpener opener,
      InstantSource clock,
      Pacer pacer,
      RandomGenerator random,
      ObjLongConsumer<BufferedImage> scene) {
    RelayingSink sink = new RelayingSink();
    SyntheticFrames frames = new SyntheticFrames(clock, random, true, sink, scene);
    LocalPublisher publisher;
    try {
      publisher = opener.open(SyntheticSource.CODECS, frames::requestKeyframe);
    } catch (RuntimeException e) {
      frames.close();
      throw e;
    }
    sink.target = publisher::send;
    ThreadedSyntheticSource source =
        new ThreadedSyntheticSource(streamId, frames, publisher, clock, pacer);
    source.thread.start();
    log.info("synthetic source publishing into stream {}", streamId);
    return source;
  }

  private void run() {
    try {
      long start = clock.millis();
      long index = 0;
      while (running) {
        long due = start + index * 1000 / SyntheticFrames.FPS;
        if (clock.millis() - due > 1000) {
          start = clock.millis();
          index = 0;
          due = start;
        }
        pacer.awaitMillis(due);
        frames.next();
        index++;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("synthetic source for stream {} stopped: {}", streamId, e.getMessage(), e);
    } finally {
      running = false;
      frames.close();
      publisher.close();
    }
  }

  @Override
  public String streamId() {
    return streamId;
  }

  @Override
  public long framesSent() {
    return frames.frames();
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

  /** Lets the frames be built before the publisher they send to exists. */
  private static final class RelayingSink implements RtpSink {
    private volatile RtpSink target = (packet, length) -> {};

    @Override
    public void send(byte[] packet, int length) {
      target.send(packet, length);
    }
  }
}
