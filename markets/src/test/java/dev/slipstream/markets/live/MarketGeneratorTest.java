package dev.slipstream.markets.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.wire.v1.AnalyticsEvent;
import dev.slipstream.wire.v1.AnalyticsEventType;
import dev.slipstream.wire.v1.AnalyticsFrame;
import dev.slipstream.wire.v1.Kinematics;
import dev.slipstream.wire.v1.MarketTemplateKind;
import dev.slipstream.wire.v1.Track;
import dev.slipstream.wire.v1.TrackState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Thirty seconds of a scripted race at 15 analytics frames a second: three runners (one
 * accelerating), strides for runner 1, runner 2 entering the box at 8 s, a jump at 12 s, runner 3
 * lost at 20 s. The generator must open each kind of market within bounds, price them five times a
 * second, and decide each from the frame that answers it.
 */
class MarketGeneratorTest {
  private static final long FRAME = 1_000_000 / 15;

  private final Map<String, MarketSpec> opened = new HashMap<>();
  private final Map<String, Integer> reprices = new HashMap<>();
  private final Map<String, Outcome> decided = new HashMap<>();
  private final List<String> stalls = new ArrayList<>();
  private final Map<Long, Map<Integer, Double>> speeds = new HashMap<>();

  @Test
  void aScriptedRaceOpensPricesAndDecidesEveryKindOfMarket() {
    MarketGenerator generator =
        new MarketGenerator(
            "str_race",
            MarketGenerator.standardTemplates(() -> Set.of("box")),
            GeneratorSettings.DEFAULTS,
            recorder());
    SplittableRandom random = new SplittableRandom(3);
    double[] speed = {7.9, 7.0, 8.0};
    for (long t = 0; t <= 30_000_000; t += FRAME) {
      speed[0] += 0.02 * random.nextGaussian();
      speed[1] += 0.25 * FRAME / 1e6 + 0.05 * random.nextGaussian();
      speed[2] += 0.04 * random.nextGaussian();
      generator.onFrame(frame(t, speed, random), t);
    }

    assertThat(opened.values())
        .extracting(MarketSpec::kind)
        .contains(
            MarketTemplateKind.MARKET_TEMPLATE_KIND_SPEED_THRESHOLD,
            MarketTemplateKind.MARKET_TEMPLATE_KIND_NEXT_JUMP,
            MarketTemplateKind.MARKET_TEMPLATE_KIND_ZONE_ENTRY,
            MarketTemplateKind.MARKET_TEMPLATE_KIND_STRIDE_LENGTH,
            MarketTemplateKind.MARKET_TEMPLATE_KIND_FASTEST_ATHLETE);
    for (MarketSpec market : opened.values()) {
      Outcome outcome = decided.get(market.marketId());
      long end =
          outcome == null ? Math.min(market.windowEndUs(), 30_000_000) : outcome.decidedAtUs();
      double seconds = (end - market.windowStartUs()) / 1e6;
      if (seconds >= 1) {
        assertThat(reprices.getOrDefault(market.marketId(), 0) / seconds)
            .as("%s priced at least five times a second", market.title())
            .isGreaterThanOrEqualTo(4.5);
      }
    }
    for (var entry : decided.entrySet()) {
      MarketSpec market = opened.get(entry.getKey());
      Outcome outcome = entry.getValue();
      switch (market.kind()) {
        case MARKET_TEMPLATE_KIND_SPEED_THRESHOLD -> {
          if (outcome.winner() == 0) {
            double reached = speeds.get(outcome.decidedAtUs()).get(market.subjectTrackId());
            assertThat(reached).as(market.title()).isGreaterThanOrEqualTo(market.threshold());
          } else if (!outcome.isVoid()) {
            assertThat(outcome.decidedAtUs()).isEqualTo(market.windowEndUs());
          }
        }
        case MARKET_TEMPLATE_KIND_NEXT_JUMP -> {
          if (outcome.winner() == 0) {
            assertThat(outcome.decidedAtUs())
                .as("decided at take-off")
                .isEqualTo(12_000_000 - 12_000_000 % FRAME);
          }
        }
        case MARKET_TEMPLATE_KIND_ZONE_ENTRY -> {
          if (outcome.winner() == 0) {
            assertThat(market.subjectTrackId()).isEqualTo(2);
          }
        }
        default -> {}
      }
      if (market.subjectTrackId() == 3
          && outcome.decidedAtUs() > 20_000_000
          && outcome.winner() != 0) {
        assertThat(outcome.isVoid()).as("runner 3's markets void once it is lost").isTrue();
      }
    }
    assertThat(decided.values()).anyMatch(o -> o.reason().contains("jumped"));

    generator.checkStall(30_000_000 + 500_000);
    assertThat(stalls).isEmpty();
    generator.checkStall(30_000_000 + 1_000_000);
    assertThat(stalls).containsExactly("str_race");
  }

  @Test
  void aStallThatOutlastsAMarketsWindowVoidsItAndOnlyIt() {
    MarketGenerator generator =
        new MarketGenerator(
            "str_race",
            "str_race-run1-mk",
            MarketGenerator.standardTemplates(() -> Set.of("box")),
            GeneratorSettings.DEFAULTS,
            recorder());
    SplittableRandom random = new SplittableRandom(5);
    double[] speed = {7.9, 7.0, 8.0};
    long last = 0;
    for (long t = 0; t <= 4_000_000; t += FRAME) {
      generator.onFrame(frame(t, speed, random), t);
      last = t;
    }
    List<MarketSpec> open = generator.openMarkets();
    assertThat(open).isNotEmpty();
    assertThat(open).allSatisfy(m -> assertThat(m.marketId()).startsWith("str_race-run1-mk"));
    long earliestEnd = open.stream().mapToLong(MarketSpec::windowEndUs).min().orElseThrow();
    long latestEnd = open.stream().mapToLong(MarketSpec::windowEndUs).max().orElseThrow();
    assertThat(earliestEnd).isLessThan(latestEnd);
    decided.clear();

    generator.checkStall(last + 1_000_000);
    assertThat(stalls).containsExactly("str_race");
    assertThat(decided).as("a stall shorter than every window voids nothing").isEmpty();

    generator.checkStall(last + (earliestEnd - last));
    assertThat(decided).isNotEmpty();
    assertThat(decided.values())
        .allSatisfy(
            o -> {
              assertThat(o.isVoid()).isTrue();
              assertThat(o.reason()).contains("stalled");
            });
    assertThat(generator.openMarkets()).isNotEmpty();

    generator.checkStall(last + (latestEnd - last));
    assertThat(generator.openMarkets()).isEmpty();
    assertThat(decided.keySet())
        .containsExactlyInAnyOrderElementsOf(open.stream().map(MarketSpec::marketId).toList());
  }

  @Test
  void aMarketOnARunnerWhoIsLostIsVoidAndOnlyTheRunnersSpeedDecidesIt() {
    StreamAnalytics analytics = new StreamAnalytics("str");
    SpeedThresholdTemplate template = new SpeedThresholdTemplate(10_000_000);
    for (long t = 0; t < 2_000_000; t += FRAME) {
      analytics.add(frame(t, new double[] {8, 8.5, 7}, new SplittableRandom(1)));
    }
    MarketSpec market = template.propose(analytics, () -> "m1").orElseThrow();
    long t = 2_000_000 - 2_000_000 % FRAME + FRAME;
    AnalyticsFrame other =
        frame(t, new double[] {20, 20, 20}, new SplittableRandom(1)).toBuilder()
            .clearTracks()
            .addTracks(
                Track.newBuilder()
                    .setTrackId(market.subjectTrackId() % 3 + 1)
                    .setState(TrackState.TRACK_STATE_CONFIRMED)
                    .setSpeedMps(20))
            .build();
    analytics.add(other);
    assertThat(template.decide(market, other, analytics))
        .as("another runner's speed decides nothing")
        .isEmpty();
    AnalyticsFrame lost =
        AnalyticsFrame.newBuilder()
            .setMediaTimeUs(t + FRAME)
            .addEvents(
                event(
                    AnalyticsEventType.ANALYTICS_EVENT_TYPE_TRACK_LOST,
                    market.subjectTrackId(),
                    t + FRAME))
            .build();
    analytics.add(lost);
    Outcome outcome = template.decide(market, lost, analytics).orElseThrow();
    assertThat(outcome.isVoid()).isTrue();
    assertThat(outcome.reason()).contains("was lost");
  }

  private AnalyticsFrame frame(long t, double[] speed, SplittableRandom random) {
    AnalyticsFrame.Builder frame =
        AnalyticsFrame.newBuilder().setStreamId("str_race").setMediaTimeUs(t);
    Map<Integer, Double> atT = new HashMap<>();
    for (int i = 0; i < 3; i++) {
      int id = i + 1;
      if (id == 3 && t > 20_000_000) {
        continue;
      }
      atT.put(id, speed[i]);
      frame.addTracks(
          Track.newBuilder()
              .setTrackId(id)
              .setState(TrackState.TRACK_STATE_CONFIRMED)
              .setSpeedMps((float) speed[i]));
    }
    speeds.put(t, atT);
    if (t % 400_000 < FRAME) {
      frame.addKinematics(
          Kinematics.newBuilder()
              .setTrackId(1)
              .setStrideLengthM((float) (2.0 + 0.1 * random.nextGaussian())));
    }
    if (t == 8_000_000 - 8_000_000 % FRAME) {
      frame.addEvents(
          event(AnalyticsEventType.ANALYTICS_EVENT_TYPE_ZONE_ENTRY, 2, t).setZoneId("box"));
    }
    if (t == 12_000_000 - 12_000_000 % FRAME) {
      frame.addEvents(
          event(AnalyticsEventType.ANALYTICS_EVENT_TYPE_JUMP, 1, t).setJumpHeightM(0.4f));
    }
    if (t == 20_000_000 - 20_000_000 % FRAME + FRAME) {
      frame.addEvents(event(AnalyticsEventType.ANALYTICS_EVENT_TYPE_TRACK_LOST, 3, t));
    }
    return frame.build();
  }

  private static AnalyticsEvent.Builder event(AnalyticsEventType type, int track, long t) {
    return AnalyticsEvent.newBuilder().setType(type).setTrackId(track).setMediaTimeUs(t);
  }

  private MarketEvents recorder() {
    return new MarketEvents() {
      @Override
      public void opened(MarketSpec market, double[] fair) {
        opened.put(market.marketId(), market);
        if (fair.length == 2) {
          assertThat(fair[0]).as(market.title()).isBetween(0.15, 0.85);
        }
        assertThat(java.util.Arrays.stream(fair).sum())
            .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
      }

      @Override
      public void repriced(MarketSpec market, double[] fair) {
        reprices.merge(market.marketId(), 1, Integer::sum);
        assertThat(decided)
            .as("a decided market is never priced again")
            .doesNotContainKey(market.marketId());
      }

      @Override
      public void decided(MarketSpec market, Outcome outcome) {
        assertThat(decided.put(market.marketId(), outcome)).as("decided once").isNull();
      }

      @Override
      public void stalled(String streamId, long mediaTimeUs) {
        stalls.add(streamId);
      }

      @Override
      public void resumed(String streamId, long mediaTimeUs) {}
    };
  }
}
