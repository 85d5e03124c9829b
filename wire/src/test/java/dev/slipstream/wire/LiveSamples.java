package dev.slipstream.wire;

import dev.slipstream.wire.v1.ClientMessage;
import dev.slipstream.wire.v1.RequestError;
import dev.slipstream.wire.v1.RequestErrorCode;
import dev.slipstream.wire.v1.Resume;
import dev.slipstream.wire.v1.ServerMessage;
import dev.slipstream.wire.v1.Subscribe;
import dev.slipstream.wire.v1.Subscribed;
import dev.slipstream.wire.v1.Topic;
import dev.slipstream.wire.v1.Unsubscribe;
import java.util.List;

/** Sample messages of live.proto: every payload of ServerMessage and every request. */
final class LiveSamples {

  private LiveSamples() {}

  static List<SampleCase> cases() {
    return List.of(
        new SampleCase(
            "server-subscribed",
            answer()
                .setSubscribed(
                    Subscribed.newBuilder()
                        .setSubscriptionId("sub-analytics")
                        .setNextSequence(MediaSamples.BEYOND_JS_SAFE_INTEGER)
                        .setResumed(true))
                .build()),
        new SampleCase(
            "server-error",
            answer()
                .setError(
                    RequestError.newBuilder()
                        .setCode(RequestErrorCode.REQUEST_ERROR_CODE_DUPLICATE_SUBSCRIPTION)
                        .setMessage("Subscription \"sub-analytics\" already exists."))
                .build()),
        new SampleCase(
            "server-stream-event", pushed().setStreamEvent(MediaSamples.streamCreated()).build()),
        new SampleCase(
            "server-stream-stats", pushed().setStreamStats(MediaSamples.streamStats()).build()),
        new SampleCase(
            "server-media-clock", pushed().setMediaClock(MediaSamples.mediaClock()).build()),
        new SampleCase(
            "server-analytics-frame", pushed().setAnalyticsFrame(AnalyticsSamples.frame()).build()),
        new SampleCase("server-market", pushed().setMarket(MarketSamples.settledMarket()).build()),
        new SampleCase(
            "server-market-update", pushed().setMarketUpdate(MarketSamples.suspension()).build()),
        new SampleCase("server-bet-result", answer().setBetResult(BetSamples.rejected()).build()),
        new SampleCase(
            "server-wallet-update", pushed().setWalletUpdate(BetSamples.wallet()).build()),
        new SampleCase(
            "server-bet-settlement", pushed().setBetSettlement(BetSamples.settlement()).build()),
        new SampleCase(
            "client-subscribe",
            request()
                .setSubscribe(
                    Subscribe.newBuilder()
                        .setSubscriptionId("sub-analytics")
                        .setTopic(Topic.TOPIC_STREAM_ANALYTICS)
                        .setResourceId(MediaSamples.STREAM_ID))
                .build()),
        new SampleCase(
            "client-unsubscribe",
            request()
                .setUnsubscribe(Unsubscribe.newBuilder().setSubscriptionId("sub-analytics"))
                .build()),
        new SampleCase("client-place-bet", request().setPlaceBet(BetSamples.placeBet()).build()),
        new SampleCase(
            "client-resume",
            request()
                .setResume(
                    Resume.newBuilder()
                        .setSubscriptionId("sub-account")
                        .setFromSequence(MediaSamples.BEYOND_JS_SAFE_INTEGER)
                        .setTopic(Topic.TOPIC_ACCOUNT)
                        .setResourceId(BetSamples.ACCOUNT_ID))
                .build()));
  }

  /** A message pushed on a subscription, numbered beyond what a JavaScript number holds. */
  private static ServerMessage.Builder pushed() {
    return ServerMessage.newBuilder()
        .setSubscriptionId("sub-analytics")
        .setSequence(MediaSamples.BEYOND_JS_SAFE_INTEGER);
  }

  /** A message answering a client request. */
  private static ServerMessage.Builder answer() {
    return pushed().setRequestId("req-17");
  }

  private static ClientMessage.Builder request() {
    return ClientMessage.newBuilder().setRequestId("req-17");
  }
}
