package dev.slipstream.wire;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Message;
import dev.slipstream.wire.v1.AnalyticsFrame;
import dev.slipstream.wire.v1.AnalyticsProto;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.BetStatus;
import dev.slipstream.wire.v1.BetsProto;
import dev.slipstream.wire.v1.ClientMessage;
import dev.slipstream.wire.v1.LedgerProto;
import dev.slipstream.wire.v1.LiveProto;
import dev.slipstream.wire.v1.Market;
import dev.slipstream.wire.v1.MarketUpdate;
import dev.slipstream.wire.v1.MarketsProto;
import dev.slipstream.wire.v1.MediaClock;
import dev.slipstream.wire.v1.MediaProto;
import dev.slipstream.wire.v1.PlaceBet;
import dev.slipstream.wire.v1.ServerMessage;
import dev.slipstream.wire.v1.StreamLifecycleEvent;
import dev.slipstream.wire.v1.StreamStats;
import dev.slipstream.wire.v1.ViewerLeft;
import dev.slipstream.wire.v1.WalletUpdate;
import java.util.List;
import java.util.stream.Stream;

/**
 * The samples of the cross-language check and the one edit TypeScript makes to each type.
 *
 * <p>The edits are mirrored in {@code src/test/ts/cross-language-check.ts}: TypeScript applies them
 * to what it decoded, and Java expects to read back exactly {@link #edited(Message)}.
 */
final class WireSamples {

  /** Every schema file of the module; SampleCoverageTest checks the list against the disk. */
  static final List<FileDescriptor> FILES =
      List.of(
          MediaProto.getDescriptor(),
          AnalyticsProto.getDescriptor(),
          MarketsProto.getDescriptor(),
          BetsProto.getDescriptor(),
          LedgerProto.getDescriptor(),
          LiveProto.getDescriptor());

  private WireSamples() {}

  static List<SampleCase> all() {
    return Stream.of(
            MediaSamples.cases(),
            AnalyticsSamples.cases(),
            MarketSamples.cases(),
            BetSamples.cases(),
            LiveSamples.cases())
        .flatMap(List::stream)
        .toList();
  }

  /** Returns the sample with the edit TypeScript makes to messages of its type. */
  static Message edited(Message sample) {
    return switch (sample) {
      case StreamLifecycleEvent m ->
          m.toBuilder()
              .setViewerLeft(
                  ViewerLeft.newBuilder().setViewerId("viewer-ts").setWatchedUs(90_000_000L))
              .build();
      case StreamStats m -> m.toBuilder().putViewersByProtocol("whep", 4_321).build();
      case MediaClock m -> m.toBuilder().setMediaTimeUs(-40_000).build();
      case AnalyticsFrame m ->
          m.toBuilder().setTracks(0, m.getTracks(0).toBuilder().setSpeedMps(10.5f)).build();
      case Market m ->
          m.toBuilder().setTitle("Will runner 3 top 9.5 m/s in the next 10 s?").build();
      case MarketUpdate m -> m.toBuilder().setPriceVersion(m.getPriceVersion() + 1).build();
      case PlaceBet m -> m.toBuilder().setStakeMinor(2_500).build();
      case BetResult m -> m.toBuilder().setStatus(BetStatus.BET_STATUS_LAPSED).build();
      case WalletUpdate m -> m.toBuilder().setHeldMinor(0).build();
      case ServerMessage m -> m.toBuilder().setSequence(m.getSequence() + 1).build();
      case ClientMessage m -> m.toBuilder().setRequestId("req-ts-ü-🏃").build();
      default ->
          throw new IllegalArgumentException(
              "no edit is defined for " + sample.getDescriptorForType().getFullName());
    };
  }
}
