package dev.slipstream.markets.service;

import dev.slipstream.markets.live.MarketEvents;
import dev.slipstream.markets.live.MarketSpec;
import dev.slipstream.markets.live.Outcome;
import dev.slipstream.wire.v1.MarketChangeReason;
import dev.slipstream.wire.v1.MarketState;
import dev.slipstream.wire.v1.MarketTemplateKind;
import dev.slipstream.wire.v1.MarketUpdate;
import dev.slipstream.wire.v1.SelectionPrice;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the markets table in step with the desk: markets the generators open are stored, their
 * newest prices remembered, stalls and recoveries recorded, and each decision stored with its
 * evidence (the series at once, thumbnails of the deciding moment a moment later, once the picture
 * after it has been decoded). Markets an operator holds or finished are kept from the desk.
 */
final class LiveRecording {
  /** How long after a decision its thumbnails are taken: the picture after it must exist. */
  static final long FRAMES_AFTER_MILLIS = 1_500;

  static final String ANALYTICS = "analytics";
  private static final Logger log = LoggerFactory.getLogger(LiveRecording.class);

  private final MarketStore markets;
  private final EvidenceStore evidence;
  private final EvidenceFrames frames;
  private final Consumer<MarketUpdate> publish;
  private final String currency;
  private final InstantSource clock;
  private final Map<String, MarketRow.LivePrices> prices = new ConcurrentHashMap<>();
  final Set<String> held = ConcurrentHashMap.newKeySet();
  final Set<String> finished = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService later =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "market-evidence");
            t.setDaemon(true);
            return t;
          });

  LiveRecording(
      MarketStore markets,
      EvidenceStore evidence,
      EvidenceFrames frames,
      Consumer<MarketUpdate> publish,
      String currency,
      InstantSource clock) {
    this.markets = markets;
    this.evidence = evidence;
    this.frames = frames;
    this.publish = publish;
    this.currency = currency;
    this.clock = clock;
  }

  MarketView view(MarketRow row) {
    return row.view(prices.get(row.marketId()));
  }

  /** Remembers the desk's newest prices and publishes its update, unless an operator holds it. */
  void update(MarketUpdate update) {
    String id = update.getMarketId();
    if (update.getReason() == MarketChangeReason.MARKET_CHANGE_REASON_REPRICED
        && (held.contains(id) || finished.contains(id))) {
      return;
    }
    if (update.getState() == MarketState.MARKET_STATE_OPEN && update.getPricesCount() > 0) {
      int n = update.getPricesCount();
      int[] odds = new int[n];
      int[] ppm = new int[n];
      for (int i = 0; i < n; i++) {
        odds[i] = update.getPrices(i).getDecimalOddsBp();
        ppm[i] = update.getPrices(i).getProbabilityPpm();
      }
      prices.put(id, new MarketRow.LivePrices(update.getPriceVersion(), odds, ppm));
    }
    publish.accept(update);
  }

  /** Publishes a state change made here (operators, stalls) on the stream's market topic. */
  void publishState(
      MarketRow row,
      MarketState state,
      MarketChangeReason reason,
      String detail,
      @Nullable String winner) {
    MarketView view = view(row);
    MarketUpdate.Builder update =
        MarketUpdate.newBuilder()
            .setMarketId(row.marketId())
            .setStreamId(row.streamId())
            .setPriceVersion(view.priceVersion())
            .setState(state)
            .setReason(reason)
            .setDetail(detail)
            .setPublishedAtUnixUs(clock.instant().toEpochMilli() * 1000)
            .setWinningSelectionId(winner == null ? "" : winner);
    if (state == MarketState.MARKET_STATE_OPEN) {
      for (MarketView.Selection s : view.selections()) {
        update.addPrices(
            SelectionPrice.newBuilder()
                .setSelectionId(s.id())
                .setDecimalOddsBp(s.decimalOddsBp())
                .setProbabilityPpm(s.probabilityPpm()));
      }
    }
    publish.accept(update.build());
  }

  void forget(String marketId) {
    prices.remove(marketId);
  }

  MarketEvents around(MarketEvents desk, MarketOperators operators) {
    return new MarketEvents() {
      @Override
      public void opened(MarketSpec spec, double[] fair) {
        int[] ppm = new int[fair.length];
        for (int i = 0; i < fair.length; i++) {
          ppm[i] = (int) Math.round(fair[i] * 1_000_000);
        }
        markets.insert(row(spec, ppm), clock.instant());
        markets.audit(spec.marketId(), ANALYTICS, "opened", spec.title(), clock.instant());
        desk.opened(spec, fair);
      }

      @Override
      public void repriced(MarketSpec spec, double[] fair) {
        if (!held.contains(spec.marketId()) && !finished.contains(spec.marketId())) {
          desk.repriced(spec, fair);
        }
      }

      @Override
      public void deciding(MarketSpec spec, Outcome outcome) {
        if (!finished.contains(spec.marketId())) {
          desk.deciding(spec, outcome);
        }
      }

      @Override
      public void decided(MarketSpec spec, Outcome outcome) {
        String id = spec.marketId();
        if (finished.remove(id)) {
          markets.audit(
              id,
              ANALYTICS,
              "decision_ignored",
              "the analytics decided (" + outcome.reason() + ") after an operator had",
              clock.instant());
          return;
        }
        held.remove(id);
        // Bets stop first; the evidence and the market's row are written after.
        desk.deciding(spec, outcome);
        String winner = outcome.isVoid() ? null : spec.selections().get(outcome.winner());
        if (winner != null) {
          evidence.store(
              new EvidenceStore.Decision(
                  id,
                  winner,
                  outcome.decidedAtUs(),
                  outcome.fromUs(),
                  outcome.toUs(),
                  measure(spec.kind()),
                  hasThreshold(spec.kind()) ? spec.threshold() : null,
                  outcome.series(),
                  outcome.reason()),
              clock.instant());
          later.schedule(
              () -> takeFrames(spec.streamId(), id, outcome.decidedAtUs()),
              FRAMES_AFTER_MILLIS,
              TimeUnit.MILLISECONDS);
        }
        desk.decided(spec, outcome);
        forget(id);
        String reason =
            winner != null
                ? "OUTCOME_DECIDED"
                : outcome.reason().contains("stalled") ? "STREAM_INTERRUPTED" : "TRACK_LOST";
        markets.finish(id, winner, reason, outcome.reason(), clock.instant());
        markets.audit(
            id,
            ANALYTICS,
            winner == null ? "voided" : "settled",
            outcome.reason() + (winner == null ? "" : "; winner " + winner),
            clock.instant());
      }

      @Override
      public void stalled(String streamId, long mediaTimeUs) {
        desk.stalled(streamId, mediaTimeUs);
        for (MarketRow row : markets.ofStream(streamId, List.of("OPEN"))) {
          if (markets.move(
              row.marketId(),
              "SUSPENDED",
              "STREAM_INTERRUPTED",
              "the analytics stalled",
              null,
              clock.instant())) {
            markets.audit(
                row.marketId(), ANALYTICS, "suspended", "the analytics stalled", clock.instant());
            publishState(
                row,
                MarketState.MARKET_STATE_SUSPENDED,
                MarketChangeReason.MARKET_CHANGE_REASON_STREAM_INTERRUPTED,
                "the analytics stalled",
                null);
          }
        }
      }

      @Override
      public void resumed(String streamId, long mediaTimeUs) {
        desk.resumed(streamId, mediaTimeUs);
        for (MarketRow row : markets.ofStream(streamId, List.of("SUSPENDED"))) {
          if (held.contains(row.marketId())) {
            // The desk lifts stall suspensions only; an operator's hold stays.
            operators.hold(row.marketId());
          } else if (row.reason().equals("STREAM_INTERRUPTED")
              && markets.move(
                  row.marketId(),
                  "OPEN",
                  "OPENED",
                  "the analytics resumed",
                  null,
                  clock.instant())) {
            markets.audit(
                row.marketId(), ANALYTICS, "resumed", "the analytics resumed", clock.instant());
          }
        }
      }

      @Override
      public void ticked(String streamId, long mediaTimeUs) {
        desk.ticked(streamId, mediaTimeUs);
      }
    };
  }

  private void takeFrames(String streamId, String marketId, long decidedAtUs) {
    try {
      List<EvidenceFrames.Frame> taken = frames.around(streamId, decidedAtUs, 4);
      for (int i = 0; i < taken.size() && i < 4; i++) {
        evidence.frame(marketId, i, taken.get(i));
      }
    } catch (RuntimeException e) {
      log.warn("market {}: evidence thumbnails failed: {}", marketId, e.toString());
    }
  }

  private MarketRow row(MarketSpec spec, int[] ppm) {
    List<String> names = new ArrayList<>();
    for (String id : spec.selections()) {
      names.add(name(id));
    }
    return new MarketRow(
        spec.marketId(),
        spec.streamId(),
        kindName(spec.kind()),
        spec.title(),
        "OPEN",
        currency,
        spec.subjectTrackId(),
        spec.windowStartUs(),
        spec.windowEndUs(),
        spec.selections(),
        names,
        new int[spec.selections().size()],
        ppm,
        1,
        "OPENED",
        "",
        null,
        null,
        null,
        null,
        false);
  }

  /** A selection's label: yes/no capitalised, a track id as its runner. */
  static String name(String selectionId) {
    return switch (selectionId) {
      case "yes" -> "Yes";
      case "no" -> "No";
      default ->
          selectionId.chars().allMatch(Character::isDigit) ? "Runner " + selectionId : selectionId;
    };
  }

  static String kindName(MarketTemplateKind kind) {
    return kind.name().substring("MARKET_TEMPLATE_KIND_".length());
  }

  private static String measure(MarketTemplateKind kind) {
    return switch (kind) {
      case MARKET_TEMPLATE_KIND_STRIDE_LENGTH -> "stride_m";
      case MARKET_TEMPLATE_KIND_NEXT_JUMP -> "jumps";
      case MARKET_TEMPLATE_KIND_ZONE_ENTRY -> "zone_entries";
      default -> "speed_mps";
    };
  }

  private static boolean hasThreshold(MarketTemplateKind kind) {
    return kind == MarketTemplateKind.MARKET_TEMPLATE_KIND_SPEED_THRESHOLD
        || kind == MarketTemplateKind.MARKET_TEMPLATE_KIND_STRIDE_LENGTH;
  }

  void close() {
    later.shutdownNow();
  }
}
