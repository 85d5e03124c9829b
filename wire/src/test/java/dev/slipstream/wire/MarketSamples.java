package dev.slipstream.wire;

import dev.slipstream.wire.v1.Market;
import dev.slipstream.wire.v1.MarketChangeReason;
import dev.slipstream.wire.v1.MarketState;
import dev.slipstream.wire.v1.MarketTemplateKind;
import dev.slipstream.wire.v1.MarketUpdate;
import dev.slipstream.wire.v1.Selection;
import dev.slipstream.wire.v1.SelectionPrice;
import java.util.List;

/** Sample messages of markets.proto: a settled market and a suspension of an open one. */
final class MarketSamples {

  static final String MARKET_ID = "mkt-speed-3-9ms";

  private MarketSamples() {}

  static List<SampleCase> cases() {
    return List.of(
        new SampleCase("market-settled", settledMarket()),
        new SampleCase("market-update-suspended", suspension()));
  }

  static Market settledMarket() {
    return Market.newBuilder()
        .setMarketId(MARKET_ID)
        .setStreamId(MediaSamples.STREAM_ID)
        .setTemplateKind(MarketTemplateKind.MARKET_TEMPLATE_KIND_SPEED_THRESHOLD)
        .setTitle("Will runner 3 top 9 m/s in the next 10 s?")
        .setState(MarketState.MARKET_STATE_SETTLED)
        .addSelections(Selection.newBuilder().setSelectionId("yes").setName("Yes"))
        .addSelections(Selection.newBuilder().setSelectionId("no").setName("No"))
        .setSubjectTrackId(3)
        .setWindowStartMediaTimeUs(5_000_000)
        .setWindowEndMediaTimeUs(15_000_000)
        .setLatest(
            MarketUpdate.newBuilder()
                .setMarketId(MARKET_ID)
                .setStreamId(MediaSamples.STREAM_ID)
                .setPriceVersion(43)
                .addPrices(price("yes", 0, 1_000_000))
                .addPrices(price("no", 0, 0))
                .setState(MarketState.MARKET_STATE_SETTLED)
                .setReason(MarketChangeReason.MARKET_CHANGE_REASON_OUTCOME_DECIDED)
                .setEffectiveMediaTimeUs(12_312_345)
                .setPublishedAtUnixUs(1_795_000_012_400_000L)
                .setWinningSelectionId("yes"))
        .build();
  }

  static MarketUpdate suspension() {
    return MarketUpdate.newBuilder()
        .setMarketId(MARKET_ID)
        .setStreamId(MediaSamples.STREAM_ID)
        .setPriceVersion(42)
        .addPrices(price("yes", 25_000, 380_000))
        .addPrices(price("no", 15_500, 620_000))
        .setState(MarketState.MARKET_STATE_SUSPENDED)
        .setReason(MarketChangeReason.MARKET_CHANGE_REASON_DECISIVE_MOMENT)
        .setDetail("Runner 3 is within 0.5 m/s of the threshold.")
        .setEffectiveMediaTimeUs(12_100_000)
        .setPublishedAtUnixUs(1_795_000_012_150_000L)
        .build();
  }

  private static SelectionPrice price(String selectionId, int oddsBp, int probabilityPpm) {
    return SelectionPrice.newBuilder()
        .setSelectionId(selectionId)
        .setDecimalOddsBp(oddsBp)
        .setProbabilityPpm(probabilityPpm)
        .build();
  }
}
