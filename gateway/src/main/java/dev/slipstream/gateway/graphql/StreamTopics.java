package dev.slipstream.gateway.graphql;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.slipstream.platform.bus.EventBus;
import dev.slipstream.platform.bus.OffsetsTrimmed;
import dev.slipstream.platform.bus.TopicBatch;
import dev.slipstream.platform.bus.TopicEvent;
import dev.slipstream.platform.bus.TopicRead;
import dev.slipstream.wire.v1.AnalyticsFrame;
import dev.slipstream.wire.v1.MarketUpdate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

/**
 * What GraphQL reads from a stream's live topics on the bus: the latest update of each market (the
 * newest {@value #SCAN} updates are enough, as markets update several times a second), the newest
 * analytics frame, and a stream's market updates as they are published.
 */
final class StreamTopics {
  private static final int SCAN = 5_000;
  private static final int BATCH = 500;

  private final EventBus bus;

  StreamTopics(EventBus bus) {
    this.bus = bus;
  }

  static String markets(String streamId) {
    return "stream." + streamId + ".markets";
  }

  static String analytics(String streamId) {
    return "stream." + streamId + ".analytics";
  }

  /** Returns the latest update of each market of the stream, in the order markets first appear. */
  List<MarketView> latestMarkets(String streamId) {
    String topic = markets(streamId);
    long newest = bus.latestOffset(topic);
    Map<String, MarketView> latest = new LinkedHashMap<>();
    long next = Math.max(1, newest - SCAN + 1);
    while (next <= newest) {
      TopicRead read = bus.read(topic, next, BATCH);
      switch (read) {
        case OffsetsTrimmed trimmed -> next = trimmed.earliestOffset();
        case TopicBatch batch -> {
          if (batch.events().isEmpty()) {
            next = newest + 1;
          }
          for (TopicEvent event : batch.events()) {
            MarketView view = MarketView.parse(event);
            if (view != null) {
              latest.put(view.marketId(), view);
            }
            next = event.offset() + 1;
          }
        }
      }
    }
    return new ArrayList<>(latest.values());
  }

  /** Returns the newest analytics frame of the stream, or null when there is none. */
  @Nullable AnalyticsView latestAnalytics(String streamId) {
    String topic = analytics(streamId);
    long newest = bus.latestOffset(topic);
    if (newest < 1 || !(bus.read(topic, newest, 1) instanceof TopicBatch batch)) {
      return null;
    }
    for (TopicEvent event : batch.events()) {
      try {
        return AnalyticsView.of(AnalyticsFrame.parseFrom(event.payload()));
      } catch (InvalidProtocolBufferException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * Returns the stream's market updates from {@code fromSequence}, or from the next one published
   * when null.
   */
  Publisher<MarketView> marketUpdates(String streamId, @Nullable Long fromSequence) {
    String topic = markets(streamId);
    return new TopicPublisher<>(
        bus,
        topic,
        () -> fromSequence != null ? fromSequence : bus.latestOffset(topic) + 1,
        MarketView::parse);
  }

  /** A market update as GraphQL shows it. */
  record MarketView(
      long sequence,
      String marketId,
      String streamId,
      long priceVersion,
      String state,
      String reason,
      String detail,
      long effectiveMediaTimeUs,
      long publishedAtUnixUs,
      @Nullable String winningSelectionId,
      List<PriceView> prices) {
    /** Returns the view of {@code event}, or null when it is not a {@code MarketUpdate}. */
    static @Nullable MarketView parse(TopicEvent event) {
      MarketUpdate u;
      try {
        u = MarketUpdate.parseFrom(event.payload());
      } catch (InvalidProtocolBufferException e) {
        return null;
      }
      return new MarketView(
          event.offset(),
          u.getMarketId(),
          u.getStreamId(),
          u.getPriceVersion(),
          u.getState().name().replace("MARKET_STATE_", ""),
          u.getReason().name().replace("MARKET_CHANGE_REASON_", ""),
          u.getDetail(),
          u.getEffectiveMediaTimeUs(),
          u.getPublishedAtUnixUs(),
          u.getWinningSelectionId().isEmpty() ? null : u.getWinningSelectionId(),
          u.getPricesList().stream()
              .map(
                  p ->
                      new PriceView(
                          p.getSelectionId(), p.getDecimalOddsBp(), p.getProbabilityPpm()))
              .toList());
    }
  }

  /** One selection's price. */
  record PriceView(String selectionId, int decimalOddsBp, int probabilityPpm) {}

  /** The newest analytics frame, summed up per athlete. */
  record AnalyticsView(long frameIndex, long mediaTimeUs, List<AthleteView> athletes) {
    static AnalyticsView of(AnalyticsFrame frame) {
      return new AnalyticsView(
          frame.getFrameIndex(),
          frame.getMediaTimeUs(),
          frame.getTracksList().stream()
              .map(
                  t ->
                      new AthleteView(
                          t.getTrackId(), t.getSpeedMps(), t.getTopSpeedMps(), t.getDistanceM()))
              .toList());
    }
  }

  /** One tracked athlete now. */
  record AthleteView(int trackId, double speedMps, double topSpeedMps, double distanceM) {}
}
