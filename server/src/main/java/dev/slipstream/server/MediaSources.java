package dev.slipstream.server;

import dev.slipstream.media.ingest.IngestListener;
import dev.slipstream.media.ingest.SyntheticSource;
import dev.slipstream.media.sfu.MediaServer;
import dev.slipstream.media.sfu.MediaStartException;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.media.stream.StreamInfo;
import dev.slipstream.media.stream.StreamState;
import dev.slipstream.server.config.MediaConfig;
import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ObjLongConsumer;
import java.util.random.RandomGenerator;

/**
 * The publishers a node runs itself: the RTMP and SRT listeners broadcasters push to, and, in the
 * demo, the synthetic track scene that keeps the demo stream live.
 */
final class MediaSources {
  static final String DEMO_STREAM_TITLE = "Slipstream demo: 100 m sprint";
  private static final String ANY_ADDRESS = "0.0.0.0";

  private MediaSources() {}

  /** Opens the configured ingest listeners; a port in use is one clear error. */
  static List<IngestListener> listeners(
      MediaConfig config, MediaServer media, StreamDirectory streams, RandomGenerator random) {
    List<IngestListener> opened = new ArrayList<>();
    try {
      if (config.rtmpPort() != 0) {
        opened.add(
            listen(
                "RTMP",
                config.rtmpPort(),
                () -> IngestListener.rtmp(ANY_ADDRESS, config.rtmpPort(), media, streams, random)));
      }
      if (config.srtPort() != 0) {
        opened.add(
            listen(
                "SRT",
                config.srtPort(),
                () -> IngestListener.srt(ANY_ADDRESS, config.srtPort(), media, streams, random)));
      }
      return opened;
    } catch (RuntimeException e) {
      opened.forEach(IngestListener::close);
      throw e;
    }
  }

  private interface Opener {
    IngestListener open();
  }

  private static IngestListener listen(String protocol, int port, Opener opener) {
    try {
      return opener.open();
    } catch (UncheckedIOException e) {
      throw new MediaStartException(
          "cannot listen for "
              + protocol
              + " ingest on "
              + ANY_ADDRESS
              + ":"
              + port
              + ": the port is already in use or not allowed ("
              + e.getCause().getMessage()
              + ")",
          e);
    }
  }

  /** Returns the demo stream, creating it when there is none that can still go live. */
  static StreamInfo demoStream(StreamDirectory streams) {
    Optional<StreamInfo> existing =
        streams.list(Optional.empty(), StreamDirectory.MAX_PAGE_SIZE).items().stream()
            .filter(s -> s.title().equals(DEMO_STREAM_TITLE) && s.state() != StreamState.ENDED)
            .findFirst();
    return existing.orElseGet(() -> streams.create(DEMO_STREAM_TITLE).stream());
  }

  /**
   * Takes the demo stream live from the synthetic source drawing {@code scene}, with a fresh
   * publish key.
   */
  static SyntheticSource demoSource(
      StreamInfo stream,
      StreamDirectory streams,
      MediaServer media,
      InstantSource clock,
      RandomGenerator random,
      ObjLongConsumer<BufferedImage> scene) {
    String key = streams.rotatePublishKey(stream.id()).value();
    return SyntheticSource.start(media, stream.id(), key, clock, random, scene);
  }
}
