package dev.slipstream.media.ingest;

import dev.slipstream.media.ffmpeg.FfmpegException;
import dev.slipstream.media.ffmpeg.FfmpegLog;
import dev.slipstream.media.sfu.LocalPublisher;
import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.NotFoundException;
import dev.slipstream.platform.UnauthorizedException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One FFmpeg listener on its own thread: listen, accept one publisher, check its key and media,
 * forward until it leaves, listen again. Closing sets a flag that FFmpeg's interrupt callback
 * reads, which ends a wait for a connection or a read within about 100 ms.
 */
final class ListenerLoop implements IngestListener {
  private static final Logger log = LoggerFactory.getLogger(ListenerLoop.class);

  private final ListenerFront front;
  private final KeyLookup lookup;
  private final LocalPublishing publishing;
  private final RandomGenerator random;
  private final Thread thread;
  private final AtomicLong sessions = new AtomicLong();
  private final Map<IngestRejection, AtomicLong> rejections = new EnumMap<>(IngestRejection.class);
  private volatile boolean closed;

  /** Finds the stream a key publishes into; throws {@link UnauthorizedException} when none. */
  @FunctionalInterface
  interface KeyLookup {
    String streamIdFor(String publishKey);
  }

  private ListenerLoop(
      ListenerFront front, KeyLookup lookup, LocalPublishing publishing, RandomGenerator random) {
    this.front = front;
    this.lookup = lookup;
    this.publishing = publishing;
    this.random = random;
    for (IngestRejection reason : IngestRejection.values()) {
      rejections.put(reason, new AtomicLong());
    }
    this.thread = new Thread(this::run, front.label() + "-ingest");
    thread.setDaemon(true);
  }

  /** Starts listening on its own thread; the front has already bound or checked the port. */
  static ListenerLoop start(
      ListenerFront front, KeyLookup lookup, LocalPublishing publishing, RandomGenerator random) {
    ListenerLoop loop = new ListenerLoop(front, lookup, publishing, random);
    loop.thread.start();
    log.info("{} ingest listening: publish to {}", front.label(), front.publishUrl());
    return loop;
  }

  private void run() {
    while (!closed) {
      try {
        acceptOne();
      } catch (RuntimeException e) {
        log.error("{} ingest: a session failed: {}", front.label(), e.getMessage(), e);
      } finally {
        front.sessionEnded();
      }
    }
  }

  private void acceptOne() {
    List<String> lines = new ArrayList<>();
    FfmpegInput input;
    long started = System.nanoTime();
    FfmpegLog.listen(lines::add);
    try {
      input = FfmpegInput.open(front.ffmpegUrl(), front.options(), () -> closed);
    } catch (FfmpegException e) {
      if (!closed) {
        reject(
            IngestRejection.BROKEN_INPUT,
            "a connection failed before publishing: " + e.getMessage());
        if (System.nanoTime() - started < 200_000_000L) {
          pause(); // a listen that fails at once (the port taken since) must not spin
        }
      }
      return;
    } finally {
      FfmpegLog.stopListening();
    }
    try (input) {
      Optional<String> key = front.key(lines);
      if (key.isEmpty()) {
        reject(IngestRejection.WRONG_KEY, "a publisher presented no stream key");
        return;
      }
      String streamId;
      try {
        streamId = lookup.streamIdFor(key.get());
      } catch (UnauthorizedException e) {
        reject(IngestRejection.WRONG_KEY, "a publisher presented an unknown stream key");
        return;
      }
      forward(input, streamId, key.get());
    }
  }

  private void forward(FfmpegInput input, String streamId, String key) {
    DemuxSession session;
    try {
      session = DemuxSession.prepare(input, random, false);
    } catch (UnsupportedMediaException e) {
      reject(
          IngestRejection.UNSUPPORTED_MEDIA,
          "publisher for stream " + streamId + " refused: " + e.getMessage());
      return;
    } catch (FfmpegException e) {
      reject(
          IngestRejection.BROKEN_INPUT, "publisher for stream " + streamId + ": " + e.getMessage());
      return;
    }
    try (session) {
      LocalPublisher publisher;
      try {
        publisher = publishing.open(streamId, key, session.codecs(), session::requestKeyframe);
      } catch (UnauthorizedException e) {
        reject(
            IngestRejection.WRONG_KEY, "publisher for stream " + streamId + ": " + e.getMessage());
        return;
      } catch (ConflictException | NotFoundException e) {
        reject(
            IngestRejection.STREAM_UNAVAILABLE,
            "publisher for stream " + streamId + " refused: " + e.getMessage());
        return;
      }
      sessions.incrementAndGet();
      log.info(
          "{} publisher live on stream {} ({})", front.label(), streamId, session.codecs().video());
      try (publisher) {
        int end = session.forward(publisher::send, () -> closed, PacketPacing.LIVE);
        log.info(
            "{} publisher on stream {} left after {} frames: {}",
            front.label(),
            streamId,
            session.videoFrames(),
            FfmpegException.describe(end));
      } catch (RuntimeException e) {
        log.warn("{} publisher on stream {} cut off: {}", front.label(), streamId, e.getMessage());
      }
    }
  }

  private void reject(IngestRejection reason, String why) {
    rejections.get(reason).incrementAndGet();
    log.warn("{} ingest: {} ({})", front.label(), why, reason);
  }

  private void pause() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  @Override
  public String publishUrl() {
    return front.publishUrl();
  }

  @Override
  public IngestCounts counts() {
    Map<IngestRejection, Long> snapshot = new EnumMap<>(IngestRejection.class);
    rejections.forEach((reason, count) -> snapshot.put(reason, count.get()));
    return new IngestCounts(sessions.get(), snapshot);
  }

  @Override
  public void close() {
    closed = true;
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    front.close();
  }
}
