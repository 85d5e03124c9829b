package dev.slipstream.server;

import dev.slipstream.markets.service.EvidenceFrames;
import dev.slipstream.media.decode.DecodeTapSettings;
import dev.slipstream.media.decode.DecodedFrame;
import dev.slipstream.media.decode.FrameTap;
import dev.slipstream.media.sfu.LiveStreamWatcher;
import dev.slipstream.media.sfu.MediaServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thumbnails for settlement evidence: each live stream that runs markets gets a low-rate decode tap
 * (4 frames a second, 320 px wide) whose frames are kept as JPEGs in a ring of the last 20 s of
 * media time, so a market decided a moment ago finds pictures from just before and just after its
 * deciding moment. The tap is the media plane's, beside the forwarding path: video never waits.
 */
final class EvidenceThumbnails implements LiveStreamWatcher, EvidenceFrames, AutoCloseable {
  static final DecodeTapSettings TAP = new DecodeTapSettings(4, 320);
  static final long KEEP_MICROS = 20_000_000;
  private static final Logger log = LoggerFactory.getLogger(EvidenceThumbnails.class);

  private final MediaServer media;
  private final Predicate<String> wanted;
  private final Map<String, FrameTap> taps = new ConcurrentHashMap<>();
  private final Map<String, ArrayDeque<Frame>> rings = new ConcurrentHashMap<>();

  /**
   * @param wanted says which streams run markets (the others are not tapped)
   */
  EvidenceThumbnails(MediaServer media, Predicate<String> wanted) {
    this.media = media;
    this.wanted = wanted;
  }

  /**
   * A stream's calibration changed: a live stream that now runs markets gets its tap (one that
   * already has one keeps it).
   */
  void viewChanged(String streamId) {
    if (!taps.containsKey(streamId)) {
      streamLive(streamId);
    }
  }

  @Override
  public synchronized void streamLive(String streamId) {
    if (!wanted.test(streamId) || taps.containsKey(streamId)) {
      return;
    }
    ArrayDeque<Frame> ring = rings.computeIfAbsent(streamId, id -> new ArrayDeque<>());
    try {
      taps.put(streamId, media.tap(streamId, TAP, frame -> keep(ring, frame)));
    } catch (RuntimeException e) {
      // Not live (a calibration of an idle stream), or no video: nothing to picture.
      log.debug("stream {}: no evidence thumbnails: {}", streamId, e.getMessage());
    }
  }

  @Override
  public synchronized void streamIdle(String streamId) {
    FrameTap tap = taps.remove(streamId);
    if (tap != null) {
      tap.close();
    }
    // The ring stays: a market decided just before the stream stopped still finds its pictures.
  }

  private static void keep(ArrayDeque<Frame> ring, DecodedFrame frame) {
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream(16 * 1024);
    try {
      ImageIO.write(frame.toImage(), "jpg", jpeg);
    } catch (IOException e) {
      log.warn("stream {}: a thumbnail did not encode: {}", frame.streamId(), e.toString());
      return;
    }
    synchronized (ring) {
      ring.addLast(new Frame(frame.mediaTimeMicros(), jpeg.toByteArray()));
      while (ring.peekFirst().mediaTimeUs() < frame.mediaTimeMicros() - KEEP_MICROS) {
        ring.removeFirst();
      }
    }
  }

  /**
   * The {@code count} kept frames nearest {@code mediaTimeUs}: half from before it (it included),
   * half after, more from one side when the other has too few.
   */
  @Override
  public List<Frame> around(String streamId, long mediaTimeUs, int count) {
    ArrayDeque<Frame> ring = rings.get(streamId);
    if (ring == null) {
      return List.of();
    }
    List<Frame> before = new ArrayList<>();
    List<Frame> after = new ArrayList<>();
    synchronized (ring) {
      for (Frame frame : ring) {
        (frame.mediaTimeUs() <= mediaTimeUs ? before : after).add(frame);
      }
    }
    int fromAfter = Math.min(after.size(), Math.max(count / 2, count - before.size()));
    int fromBefore = Math.min(before.size(), count - fromAfter);
    List<Frame> chosen = new ArrayList<>(before.subList(before.size() - fromBefore, before.size()));
    chosen.addAll(after.subList(0, fromAfter));
    chosen.sort(Comparator.comparingLong(Frame::mediaTimeUs));
    return chosen;
  }

  @Override
  public void close() {
    List.copyOf(taps.keySet()).forEach(this::streamIdle);
  }
}
