package dev.slipstream.media.sfu;

import dev.slipstream.media.decode.DecodeTapSettings;
import dev.slipstream.media.decode.FrameSink;
import dev.slipstream.media.decode.FrameTap;
import dev.slipstream.media.dtls.DtlsCertificate;
import dev.slipstream.media.dtls.DtlsEndpoint;
import dev.slipstream.media.dtls.DtlsSettings;
import dev.slipstream.media.sdp.StreamCodecs;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.media.transport.IceMux;
import dev.slipstream.media.transport.MuxMeters;
import dev.slipstream.media.transport.TcpMux;
import dev.slipstream.media.transport.TcpMuxConfig;
import dev.slipstream.media.transport.UdpMux;
import dev.slipstream.media.transport.UdpMuxConfig;
import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.NotFoundException;
import dev.slipstream.platform.UnauthorizedException;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The media plane as the rest of Slipstream sees it: broadcasters publish into a stream, viewers
 * play it, and the server forwards their media without re-encoding.
 */
public interface MediaServer extends AutoCloseable {

  /**
   * Starts publishing into stream {@code streamId} from a WHIP offer.
   *
   * @param publishKey the stream's publish key, as the WHIP bearer token
   * @throws NotFoundException {@code stream_not_found}
   * @throws UnauthorizedException {@code invalid_publish_key}
   * @throws ConflictException {@code stream_ended}, or {@code stream_already_live} when another
   *     publisher is on the stream
   * @throws InvalidInputException {@code invalid_sdp} or {@code no_supported_codec}
   */
  SdpAnswer publish(String streamId, String publishKey, String offerSdp);

  /**
   * Starts publishing into a stream from inside this process (the synthetic test source, a file,
   * RTMP or SRT ingest through FFmpeg): the caller hands over plain RTP packets already packetised
   * for {@code codecs}. The stream is live at once.
   *
   * @param keyframeRequested called (rate-limited) when a viewer needs a keyframe
   * @throws NotFoundException {@code stream_not_found}
   * @throws UnauthorizedException {@code invalid_publish_key}
   * @throws ConflictException {@code stream_ended} or {@code stream_already_live}
   */
  LocalPublisher publishLocal(
      String streamId, String publishKey, StreamCodecs codecs, Runnable keyframeRequested);

  /**
   * Ends a publishing session (WHIP {@code DELETE}); the stream goes idle and its viewers' media
   * stops.
   *
   * @throws NotFoundException {@code session_not_found} when no such session publishes there
   * @throws UnauthorizedException {@code invalid_publish_key}
   */
  void unpublish(String streamId, String sessionId, String publishKey);

  /**
   * Starts playing stream {@code streamId} from a WHEP offer.
   *
   * @throws NotFoundException {@code stream_not_found}
   * @throws ConflictException {@code stream_not_live} when nobody publishes into it
   * @throws InvalidInputException {@code invalid_sdp} or {@code no_compatible_codec}
   */
  SdpAnswer play(String streamId, String offerSdp, String viewerAddress);

  /**
   * Ends a playing session (WHEP {@code DELETE}).
   *
   * @throws NotFoundException {@code session_not_found}
   */
  void stopPlaying(String streamId, String sessionId);

  /**
   * Returns how a viewer maps displayed frames to the stream's media time; empty until the viewer
   * has been sent video.
   *
   * @throws NotFoundException {@code session_not_found}
   */
  Optional<ViewerClock> viewerClock(String streamId, String sessionId);

  /**
   * Takes a WHIP or WHEP {@code PATCH} body ({@code application/trickle-ice-sdpfrag}): new peer
   * credentials restart ICE on the same session (DTLS and SRTP carry on) and the answer carries the
   * server's new credentials; candidates alone need nothing from an ICE-lite server, and the answer
   * is empty.
   *
   * @param publishKey the bearer token, required for a publishing session
   * @throws NotFoundException {@code session_not_found}
   * @throws UnauthorizedException {@code invalid_publish_key} for a publishing session
   * @throws InvalidInputException {@code invalid_sdp} for a malformed fragment
   */
  Optional<IceRestart> patchIce(
      String streamId,
      String sessionId,
      @org.jspecify.annotations.Nullable String publishKey,
      String fragment);

  /**
   * Returns a session's entity tag (quoted), which changes with each ICE restart.
   *
   * @throws NotFoundException {@code session_not_found}
   */
  String iceEtag(String streamId, String sessionId);

  /**
   * Starts decoding a live stream's video for analysis: frames at {@code settings}' rate and width
   * go to {@code sink} on the tap's own thread, keyed by the stream's media time. The tap follows
   * the stream through publisher reconnects and closes (the sink hears {@link FrameSink#onEnd})
   * when the stream stops being live.
   *
   * @throws NotFoundException {@code stream_not_found}
   * @throws ConflictException {@code stream_not_live}, or {@code stream_has_no_video}
   */
  FrameTap tap(String streamId, DecodeTapSettings settings, FrameSink sink);

  /**
   * Adds a watcher of streams going live and idle; it first hears {@code streamLive} for every
   * stream live now.
   */
  void watchLiveStreams(LiveStreamWatcher watcher);

  /** Returns the live figures of a stream that has a publisher. */
  Optional<LiveStreamStats> stats(String streamId);

  /**
   * Opens the media plane: binds the UDP socket, makes the DTLS certificate, and marks streams a
   * previous process left live as idle.
   *
   * @throws MediaStartException when the socket cannot be bound
   */
  static MediaServer start(
      MediaSettings settings,
      StreamDirectory directory,
      InstantSource clock,
      SecureRandom random,
      MeterRegistry metrics) {
    UdpMux udp = openUdp(settings.udpBind(), metrics);
    TcpMux tcp = null;
    try {
      if (settings.tcpBind() != null) {
        tcp = openTcp(settings.tcpBind(), metrics);
      }
      DtlsEndpoint dtls =
          DtlsEndpoint.create(
              DtlsSettings.defaults(), DtlsCertificate.selfSigned(clock, random), random, metrics);
      directory.idleAllLive();
      List<IceMux> sockets = tcp == null ? List.of(udp) : List.of(udp, tcp);
      return new DefaultMediaServer(
          directory,
          sockets,
          dtls,
          Candidates.of(
              settings.announcedAddresses(),
              udp.localAddress().getPort(),
              tcp == null ? OptionalInt.empty() : OptionalInt.of(tcp.localAddress().getPort())),
          settings,
          clock,
          random,
          metrics);
    } catch (RuntimeException e) {
      udp.close();
      if (tcp != null) {
        tcp.close();
      }
      throw e;
    }
  }

  private static UdpMux openUdp(InetSocketAddress bind, MeterRegistry metrics) {
    try {
      UdpMux udp = UdpMux.open(UdpMuxConfig.defaults(bind));
      MuxMeters.bind(metrics, "udp", udp);
      return udp;
    } catch (IOException | RuntimeException e) {
      throw cannotListen("UDP", bind, e);
    }
  }

  private static TcpMux openTcp(InetSocketAddress bind, MeterRegistry metrics) {
    try {
      TcpMux tcp = TcpMux.open(TcpMuxConfig.defaults(bind));
      MuxMeters.bind(metrics, "tcp", tcp);
      return tcp;
    } catch (IOException | RuntimeException e) {
      throw cannotListen("TCP", bind, e);
    }
  }

  private static MediaStartException cannotListen(
      String protocol, InetSocketAddress bind, Exception e) {
    boolean inUse =
        e instanceof java.net.BindException || String.valueOf(e.getMessage()).contains("in use");
    return new MediaStartException(
        "cannot listen for media on "
            + protocol
            + " "
            + bind.getHostString()
            + ":"
            + bind.getPort()
            + ": "
            + (inUse ? "the port is already in use" : e.getMessage()),
        e);
  }

  /** Stops every session and closes the sockets. */
  @Override
  void close();
}
