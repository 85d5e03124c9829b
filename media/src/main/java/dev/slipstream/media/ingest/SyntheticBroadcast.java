package dev.slipstream.media.ingest;

import static dev.slipstream.media.ffmpeg.FfmpegException.check;

import dev.slipstream.media.ffmpeg.FfmpegLog;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.InstantSource;
import java.util.random.RandomGenerator;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The synthetic scene pushed out through one of FFmpeg's muxers, as an outside broadcaster sends
 * it: RTMP (FLV, what OBS sends), SRT (MPEG-TS) or WHIP (FFmpeg 8's WebRTC muxer, with its own ICE,
 * DTLS and SRTP). Video only: 640×360 constrained baseline H.264 at 30 fps with the sender's clock
 * burned in as {@link ClockPattern}, so a viewer can measure glass-to-glass latency through any
 * ingest path. Runs on its own thread until closed.
 */
public final class SyntheticBroadcast implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SyntheticBroadcast.class);
  private static final int FPS = SyntheticFrames.FPS;

  /** How the broadcast leaves: the protocol picks FFmpeg's muxer. */
  public enum Protocol {
    /** {@code rtmp://host/app/key}, FLV. */
    RTMP("flv"),
    /** {@code srt://host:port?streamid=...}, MPEG-TS. */
    SRT("mpegts"),
    /** {@code http://host/api/streams/<id>/whip}, with the publish key as bearer token. */
    WHIP("whip");

    private final String muxer;

    Protocol(String muxer) {
      this.muxer = muxer;
    }
  }

  private final String url;
  private final Protocol protocol;
  private final @Nullable String bearerToken;
  private final InstantSource clock;
  private final TrackScene scene;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long framesSent;
  private volatile @Nullable String failure;

  private SyntheticBroadcast(
      String url,
      Protocol protocol,
      @Nullable String bearerToken,
      InstantSource clock,
      RandomGenerator random) {
    this.url = url;
    this.protocol = protocol;
    this.bearerToken = bearerToken;
    this.clock = clock;
    this.scene = new TrackScene(random);
    this.thread = new Thread(this::run, "synthetic-broadcast");
    thread.setDaemon(true);
  }

  /**
   * Starts pushing to {@code url}; connection failures show in {@link #failure()}.
   *
   * @param bearerToken for WHIP, the publish key; ignored otherwise
   */
  public static SyntheticBroadcast start(
      String url,
      Protocol protocol,
      @Nullable String bearerToken,
      InstantSource clock,
      RandomGenerator random) {
    SyntheticBroadcast broadcast =
        new SyntheticBroadcast(url, protocol, bearerToken, clock, random);
    broadcast.thread.start();
    return broadcast;
  }

  /** Frames written to the muxer so far. */
  public long framesSent() {
    return framesSent;
  }

  /** Whether it is still sending. */
  public boolean isRunning() {
    return running && thread.isAlive();
  }

  /** Why it stopped on its own, if it did. */
  public @Nullable String failure() {
    return failure;
  }

  private void run() {
    BufferedImage frame =
        new BufferedImage(TrackScene.WIDTH, TrackScene.HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
    try (H264Encoder encoder =
        new H264Encoder(
            TrackScene.WIDTH,
            TrackScene.HEIGHT,
            FPS,
            SyntheticFrames.VIDEO_BITRATE,
            SyntheticFrames.KEYFRAME_INTERVAL)) {
      long start = clock.millis();
      scene.render(frame, start);
      byte[] first = encoder.encode(frame, 0, true);
      try (Output output = Output.open(url, protocol, bearerToken, parameterSets(first))) {
        output.write(first, 0, true);
        framesSent = 1;
        for (long n = 1; running; n++) {
          long due = start + n * 1000 / FPS;
          long wait = due - clock.millis();
          if (wait > 0) {
            Thread.sleep(wait);
          }
          long now = clock.millis();
          scene.render(frame, now);
          boolean keyframe = n % SyntheticFrames.KEYFRAME_INTERVAL == 0;
          byte[] accessUnit = encoder.encode(frame, n, keyframe);
          if (accessUnit.length > 0) {
            output.write(accessUnit, now - start, keyframe);
          }
          framesSent = n + 1;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = e.getMessage();
      log.warn("synthetic broadcast to {} stopped: {}", protocol, e.getMessage());
    } finally {
      running = false;
    }
  }

  /** Returns the SPS and PPS of an IDR access unit, in Annex B, as the muxers' extradata. */
  private static byte[] parameterSets(byte[] accessUnit) {
    ByteArrayOutputStream sets = new ByteArrayOutputStream();
    for (NalUnit unit : AnnexB.split(accessUnit, accessUnit.length)) {
      if (unit.type() == NalUnit.SPS || unit.type() == NalUnit.PPS) {
        sets.writeBytes(new byte[] {0, 0, 0, 1});
        sets.write(unit.data(), unit.offset(), unit.length());
      }
    }
    if (sets.size() == 0) {
      throw new IllegalStateException("the encoder's first access unit has no SPS and PPS");
    }
    return sets.toByteArray();
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One FFmpeg output: the muxer, its one video stream and, for URL protocols, its I/O. */
  private static final class Output implements AutoCloseable {
    private final AVFormatContext context;
    private final AVPacket packet = avcodec.av_packet_alloc();
    private final boolean ownsIo;

    private Output(AVFormatContext context, boolean ownsIo) {
      this.context = context;
      this.ownsIo = ownsIo;
    }

    static Output open(
        String url, Protocol protocol, @Nullable String bearerToken, byte[] extradata) {
      FfmpegLog.install();
      AVFormatContext context = new AVFormatContext(null);
      check(
          "avformat_alloc_output_context2(" + protocol.muxer + ")",
          avformat.avformat_alloc_output_context2(context, null, protocol.muxer, url));
      boolean ownsIo = (context.oformat().flags() & avformat.AVFMT_NOFILE) == 0;
      AVDictionary options = new AVDictionary(null);
      try {
        AVStream stream = avformat.avformat_new_stream(context, null);
        AVCodecParameters codec = stream.codecpar();
        codec.codec_type(avutil.AVMEDIA_TYPE_VIDEO).codec_id(avcodec.AV_CODEC_ID_H264);
        codec.width(TrackScene.WIDTH).height(TrackScene.HEIGHT).format(avutil.AV_PIX_FMT_YUV420P);
        BytePointer data =
            new BytePointer(
                avutil.av_mallocz(extradata.length + avcodec.AV_INPUT_BUFFER_PADDING_SIZE));
        data.capacity(extradata.length).put(extradata);
        codec.extradata(data).extradata_size(extradata.length);
        stream.time_base(avutil.av_make_q(1, 1000));
        stream.avg_frame_rate(avutil.av_make_q(FPS, 1));
        if (protocol == Protocol.WHIP && bearerToken != null) {
          avutil.av_dict_set(options, "authorization", bearerToken, 0);
        }
        if (ownsIo) {
          AVIOContext io = new AVIOContext(null);
          check(
              "avio_open(" + protocol + ")", avformat.avio_open(io, url, avformat.AVIO_FLAG_WRITE));
          context.pb(io);
        }
        check(
            "avformat_write_header(" + protocol.muxer + ")",
            avformat.avformat_write_header(context, options));
        return new Output(context, ownsIo);
      } catch (RuntimeException e) {
        if (ownsIo && context.pb() != null) {
          avformat.avio_closep(context.pb());
        }
        avformat.avformat_free_context(context);
        throw e;
      } finally {
        avutil.av_dict_free(options);
      }
    }

    void write(byte[] accessUnit, long millis, boolean keyframe) {
      check("av_new_packet", avcodec.av_new_packet(packet, accessUnit.length));
      packet.data().position(0).put(accessUnit);
      long pts =
          avutil.av_rescale_q(millis, avutil.av_make_q(1, 1000), context.streams(0).time_base());
      packet.pts(pts).dts(pts).stream_index(0);
      if (keyframe) {
        packet.flags(packet.flags() | avcodec.AV_PKT_FLAG_KEY);
      }
      int written = avformat.av_write_frame(context, packet);
      avcodec.av_packet_unref(packet);
      check("av_write_frame", written);
    }

    @Override
    public void close() {
      try {
        avformat.av_write_trailer(context);
      } finally {
        if (ownsIo && context.pb() != null) {
          avformat.avio_closep(context.pb());
        }
        avformat.avformat_free_context(context);
        avcodec.av_packet_free(packet);
      }
    }
  }
}
