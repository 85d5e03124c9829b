package dev.slipstream.media.decode;

import dev.slipstream.media.rtp.DropCounts;
import dev.slipstream.media.rtp.RtpPacket;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes one live stream's video for analysis, beside the forwarding path and never in its way.
 * The socket thread {@linkplain #offer offers} each video packet without waiting (a full queue
 * drops it, counted); the tap's decoder thread rebuilds frames, decodes every one of them, and
 * scales the ones due at the configured rate; its sink thread hands them to the {@link FrameSink},
 * newest first: a frame the sink is too busy to take is replaced by the next one, counted.
 *
 * <p>A gap in the packets spoils frames up to the next keyframe, so the tap then asks the publisher
 * for one (through the stream's rate limit).
 */
public final class DecodeTap implements FrameTap {
  private static final Logger log = LoggerFactory.getLogger(DecodeTap.class);
  private static final int QUEUE_PACKETS = 2048;
  private static final int VIDEO_CLOCK_RATE = 90_000;
  private static final long DUE_TOLERANCE_MICROS = 2_000;

  /** A video packet from the stream, or a change of publisher (and maybe of codec). */
  private record Input(
      byte @Nullable [] packet,
      int length,
      long mediaTimeMicros,
      @Nullable Instant arrivedAt,
      @Nullable String encodingName) {}

  private final String streamId;
  private final DecodeTapSettings settings;
  private final FrameSink sink;
  private final Runnable requestKeyframe;
  private final InstantSource clock;
  private final long intervalMicros;
  private final BlockingQueue<Input> queue = new ArrayBlockingQueue<>(QUEUE_PACKETS);
  private final SinkHandOff handOff;
  private final Thread decoderThread;
  private final AtomicLong packetsIn = new AtomicLong();
  private final AtomicLong packetsDropped = new AtomicLong();
  private final AtomicLong framesDiscarded = new AtomicLong();
  private final AtomicLong framesDecoded = new AtomicLong();
  private final AtomicLong decodeErrors = new AtomicLong();
  private volatile boolean closed;

  // Decoder thread only.
  private final DropCounts malformed = new DropCounts();
  private @Nullable Depacketizer depacketizer;
  private @Nullable VideoDecoder decoder;
  private long discardedBefore;
  private long nextDueMicros = Long.MIN_VALUE;
  private long index;

  private DecodeTap(
      String streamId,
      DecodeTapSettings settings,
      FrameSink sink,
      Runnable requestKeyframe,
      InstantSource clock) {
    this.streamId = streamId;
    this.settings = settings;
    this.sink = sink;
    this.requestKeyframe = requestKeyframe;
    this.clock = clock;
    this.intervalMicros = 1_000_000L / settings.framesPerSecond();
    this.handOff = new SinkHandOff(streamId, sink, clock);
    this.decoderThread = new Thread(this::decodeLoop, "decode-tap-" + streamId);
    decoderThread.setDaemon(true);
  }

  /**
   * Starts a tap on a stream whose publisher sends {@code encodingName} video.
   *
   * @param requestKeyframe asks the publisher for a keyframe; called when the tap starts and after
   *     losses
   */
  public static DecodeTap start(
      String streamId,
      String encodingName,
      DecodeTapSettings settings,
      FrameSink sink,
      Runnable requestKeyframe,
      InstantSource clock) {
    DecodeTap tap = new DecodeTap(streamId, settings, sink, requestKeyframe, clock);
    tap.queue.add(new Input(null, 0, 0, null, encodingName));
    tap.handOff.start();
    tap.decoderThread.start();
    return tap;
  }

  /**
   * Offers one video packet; never blocks. The array must not change afterwards.
   *
   * @param mediaTimeMicros the stream's media time of the packet's RTP timestamp
   */
  public void offer(byte[] rtpPacket, int length, long mediaTimeMicros) {
    packetsIn.incrementAndGet();
    if (closed
        || !queue.offer(new Input(rtpPacket, length, mediaTimeMicros, clock.instant(), null))) {
      packetsDropped.incrementAndGet();
    }
  }

  /** Tells the tap a new publisher took over, sending {@code encodingName} video. */
  public void publisherChanged(String encodingName) {
    if (!queue.offer(new Input(null, 0, 0, null, encodingName))) {
      queue.clear();
      queue.offer(new Input(null, 0, 0, null, encodingName));
    }
  }

  @Override
  public String streamId() {
    return streamId;
  }

  @Override
  public DecodeTapStats stats() {
    return new DecodeTapStats(
        packetsIn.get(),
        packetsDropped.get(),
        framesDiscarded.get(),
        framesDecoded.get(),
        decodeErrors.get(),
        handOff.delivered(),
        handOff.droppedBusy(),
        handOff.failures(),
        handOff.lastDelayMillis());
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  /** Stops the tap without waiting: the sink hears {@link FrameSink#onEnd} once it is idle. */
  @Override
  public void close() {
    closed = true;
    decoderThread.interrupt();
  }

  private void decodeLoop() {
    try {
      while (!closed) {
        Input input = queue.poll(200, TimeUnit.MILLISECONDS);
        if (input == null) {
          continue;
        }
        if (input.encodingName() != null) {
          reset(input.encodingName());
        } else if (input.packet() != null && input.arrivedAt() != null) {
          take(input.packet(), input.length(), input.mediaTimeMicros(), input.arrivedAt());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      log.warn("stream {}: decode tap stopped: {}", streamId, e.toString());
    } finally {
      closed = true;
      queue.clear();
      closeDecoder();
      handOff.finish();
    }
  }

  private void reset(String encodingName) {
    closeDecoder();
    depacketizer = Depacketizer.forEncoding(encodingName).orElse(null);
    if (depacketizer == null) {
      log.info("stream {}: the decode tap cannot read {} video; no frames", streamId, encodingName);
      return;
    }
    decoder = VideoDecoder.open(encodingName);
    discardedBefore = 0;
    requestKeyframe.run();
  }

  private void closeDecoder() {
    if (decoder != null) {
      decoder.close();
      decoder = null;
    }
    if (depacketizer != null) {
      framesDiscarded.addAndGet(depacketizer.discarded() - discardedBefore);
      depacketizer = null;
    }
  }

  private void take(byte[] data, int length, long mediaTimeMicros, Instant arrivedAt) {
    Depacketizer frames = depacketizer;
    VideoDecoder pictures = decoder;
    if (frames == null || pictures == null) {
      return;
    }
    Optional<RtpPacket> parsed = RtpPacket.parse(data, 0, length, malformed);
    if (parsed.isEmpty()) {
      return;
    }
    RtpPacket packet = parsed.get();
    Optional<EncodedFrame> frame = frames.push(packet);
    long discarded = frames.discarded();
    if (discarded > discardedBefore) {
      framesDiscarded.addAndGet(discarded - discardedBefore);
      discardedBefore = discarded;
      requestKeyframe.run();
    }
    if (frame.isEmpty()) {
      return;
    }
    EncodedFrame encoded = frame.get();
    int offset = (int) (encoded.rtpTimestamp() - packet.timestamp());
    long pts = mediaTimeMicros + offset * 1_000_000L / VIDEO_CLOCK_RATE;
    boolean accepted =
        pictures.decode(
            encoded, pts, (decoder, picturePts) -> picture(decoder, picturePts, arrivedAt));
    if (!accepted) {
      decodeErrors.incrementAndGet();
      requestKeyframe.run();
    }
  }

  private void picture(VideoDecoder decoder, long pts, Instant arrivedAt) {
    framesDecoded.incrementAndGet();
    if (nextDueMicros != Long.MIN_VALUE && pts + DUE_TOLERANCE_MICROS < nextDueMicros) {
      return;
    }
    nextDueMicros =
        nextDueMicros == Long.MIN_VALUE || nextDueMicros + intervalMicros <= pts
            ? pts + intervalMicros
            : nextDueMicros + intervalMicros;
    int width = settings.width();
    int height = settings.heightFor(decoder.pictureWidth(), decoder.pictureHeight());
    byte[] bgr = decoder.scaledBgr(width, height);
    handOff.put(
        new DecodedFrame(streamId, index++, pts, arrivedAt, clock.instant(), width, height, bgr));
  }
}
