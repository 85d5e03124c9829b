package dev.slipstream.media.ingest;

import dev.slipstream.media.sdp.NegotiatedCodec;
import org.bytedeco.ffmpeg.avcodec.AVPacket;

/**
 * What happens to a demuxed video track on its way to RTP: forwarded as it is when it is H.264
 * WebRTC can play, else (files only) decoded and re-encoded with OpenH264.
 */
interface VideoPath extends AutoCloseable {
  /** Returns the codec the path publishes. */
  NegotiatedCodec codec();

  /** Forwards one demuxed packet, waiting on {@code pacing} for each frame's time. */
  void forward(AVPacket packet, PacketPacing pacing, RtpSink sink);

  /** Makes the next frame a keyframe, where the path encodes; a no-op when it forwards. */
  void requestKeyframe();

  /** Forgets decoder state after the input seeks back to its start. */
  void restart();

  /** Returns the frames forwarded so far. */
  long frames();

  @Override
  void close();
}
