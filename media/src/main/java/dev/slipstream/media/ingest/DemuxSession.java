package dev.slipstream.media.ingest;

import dev.slipstream.media.sdp.StreamCodecs;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.jspecify.annotations.Nullable;

/**
 * Forwards one open input: video through its {@link VideoPath}, audio transcoded to Opus. {@link
 * #prepare} checks the tracks before the stream goes live, so an input that cannot be forwarded is
 * refused without a half-live stream. Owned by one thread.
 */
final class DemuxSession implements AutoCloseable {
  private final FfmpegInput input;
  private final int videoIndex;
  private final int audioIndex;
  private final VideoPath video;
  private final @Nullable OpusTranscoder audio;
  private final OpusPacketizer audioPackets;
  private long audioSent;

  private DemuxSession(
      FfmpegInput input,
      int videoIndex,
      VideoPath video,
      int audioIndex,
      @Nullable OpusTranscoder audio,
      RandomGenerator random) {
    this.input = input;
    this.videoIndex = videoIndex;
    this.video = video;
    this.audioIndex = audioIndex;
    this.audio = audio;
    this.audioPackets = new OpusPacketizer(IngestCodecs.OPUS_PAYLOAD_TYPE, random);
  }

  /**
   * Picks the first video and audio tracks and checks them; with {@code mayReencode}, video that
   * cannot be forwarded as it is gets re-encoded instead of refused.
   *
   * @throws UnsupportedMediaException when there is no video, or it cannot be forwarded
   */
  static DemuxSession prepare(FfmpegInput input, RandomGenerator random, boolean mayReencode)
      throws UnsupportedMediaException {
    int videoIndex = -1;
    int audioIndex = -1;
    for (int i = 0; i < input.streamCount(); i++) {
      int type = input.stream(i).codecpar().codec_type();
      if (type == avutil.AVMEDIA_TYPE_VIDEO && videoIndex < 0) {
        videoIndex = i;
      } else if (type == avutil.AVMEDIA_TYPE_AUDIO && audioIndex < 0) {
        audioIndex = i;
      }
    }
    if (videoIndex < 0) {
      throw new UnsupportedMediaException("the input has no video track");
    }
    VideoPath video;
    try {
      H264Track track = H264Track.of(input.stream(videoIndex).codecpar());
      video = new PassthroughVideo(track, input.stream(videoIndex), random);
    } catch (UnsupportedMediaException e) {
      if (!mayReencode) {
        throw e;
      }
      video = new ReencodedVideo(input.stream(videoIndex), random);
    }
    try {
      OpusTranscoder audio =
          audioIndex < 0 ? null : new OpusTranscoder(input.stream(audioIndex).codecpar());
      return new DemuxSession(input, videoIndex, video, audioIndex, audio, random);
    } catch (UnsupportedMediaException | RuntimeException e) {
      video.close();
      throw e;
    }
  }

  /** Returns what this input publishes: H.264 as the video path sends it, Opus with audio. */
  StreamCodecs codecs() {
    return new StreamCodecs(video.codec(), audio == null ? null : IngestCodecs.OPUS);
  }

  long videoFrames() {
    return video.frames();
  }

  void requestKeyframe() {
    video.requestKeyframe();
  }

  /**
   * Reads and forwards packets until the input ends, fails or {@code stopped} says so; returns
   * FFmpeg's last read result (an error code at the end, {@code AVERROR_EXIT} when stopped).
   */
  int forward(RtpSink sink, BooleanSupplier stopped, PacketPacing pacing) {
    AVPacket packet = avcodec.av_packet_alloc();
    try {
      int result = 0;
      while (!stopped.getAsBoolean()) {
        result = input.read(packet);
        if (result < 0) {
          break;
        }
        try {
          if (packet.stream_index() == videoIndex) {
            video.forward(packet, pacing, sink);
          } else if (packet.stream_index() == audioIndex && audio != null) {
            audio.push(packet, opus -> sendAudio(opus, sink));
          }
        } finally {
          avcodec.av_packet_unref(packet);
        }
      }
      return stopped.getAsBoolean() ? avutil.AVERROR_EXIT : result;
    } finally {
      avcodec.av_packet_free(packet);
    }
  }

  /** Seeks back to the start of a file; false when the input cannot seek. */
  boolean rewind() {
    if (!input.rewind()) {
      return false;
    }
    video.restart();
    if (audio != null) {
      audio.restart();
    }
    return true;
  }

  private void sendAudio(byte[] opus, RtpSink sink) {
    audioPackets.packetize(opus, opus.length, audioSent, sink);
    audioSent += OpusEncoder.FRAME_SAMPLES;
  }

  @Override
  public void close() {
    video.close();
    if (audio != null) {
      audio.close();
    }
  }
}
