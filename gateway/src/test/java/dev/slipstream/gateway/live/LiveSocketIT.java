package dev.slipstream.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.wire.v1.AnalyticsFrame;
import dev.slipstream.wire.v1.ClientMessage;
import dev.slipstream.wire.v1.MarketUpdate;
import dev.slipstream.wire.v1.RequestErrorCode;
import dev.slipstream.wire.v1.Resume;
import dev.slipstream.wire.v1.ServerMessage;
import dev.slipstream.wire.v1.Subscribe;
import dev.slipstream.wire.v1.Topic;
import dev.slipstream.wire.v1.Unsubscribe;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live socket with real JDK WebSocket clients against a real gateway and bus. */
class LiveSocketIT {
  private static final String MARKETS = "stream.s-1.markets";
  private static final String ANALYTICS = "stream.s-1.analytics";

  private LiveFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void aSubscriberReceivesMarketAndAnalyticsEventsInOrderWithTheBusOffsetAsSequence()
      throws Exception {
    fixture = new LiveFixture(LiveSettings.defaults(), null, null);
    try (LiveClient client = fixture.anonymous()) {
      client.send(subscribe("r1", "m", Topic.TOPIC_STREAM_MARKETS, "s-1"));
      client.send(subscribe("r2", "a", Topic.TOPIC_STREAM_ANALYTICS, "s-1"));
      assertThat(client.next(2))
          .allSatisfy(m -> assertThat(m.getSubscribed().getResumed()).isFalse())
          .extracting(m -> m.getSubscribed().getNextSequence())
          .containsExactly(1L, 1L);

      for (int i = 1; i <= 50; i++) {
        fixture.bus.append(MARKETS, update("mk" + (i % 3), i).toByteArray());
        fixture.bus.append(ANALYTICS, frame(i).toByteArray());
      }
      Map<String, List<Long>> sequences = new HashMap<>();
      for (ServerMessage message : client.next(100)) {
        sequences
            .computeIfAbsent(message.getSubscriptionId(), k -> new ArrayList<>())
            .add(message.getSequence());
        if (message.getSubscriptionId().equals("m")) {
          assertThat(message.getMarketUpdate().getPriceVersion()).isEqualTo(message.getSequence());
        } else {
          assertThat(message.getAnalyticsFrame().getFrameIndex()).isEqualTo(message.getSequence());
        }
      }
      List<Long> expected = java.util.stream.LongStream.rangeClosed(1, 50).boxed().toList();
      assertThat(sequences.get("m")).isEqualTo(expected);
      assertThat(sequences.get("a")).isEqualTo(expected);
    }
  }

  @Test
  void aNewSubscriberGetsTheLatestStateOfEachMarketThenLiveUpdates() throws Exception {
    fixture = new LiveFixture(LiveSettings.defaults(), null, null);
    for (int i = 1; i <= 9; i++) {
      fixture.bus.append(MARKETS, update("mk" + (i % 3), i).toByteArray());
    }
    try (LiveClient client = fixture.anonymous()) {
      client.send(subscribe("r1", "m", Topic.TOPIC_STREAM_MARKETS, "s-1"));
      ServerMessage subscribed = client.next();
      assertThat(subscribed.getSubscribed().getResumed()).isFalse();
      assertThat(subscribed.getSubscribed().getNextSequence()).isEqualTo(7);
      assertThat(client.next(3)).extracting(ServerMessage::getSequence).containsExactly(7L, 8L, 9L);
      fixture.bus.append(MARKETS, update("mk1", 10).toByteArray());
      assertThat(client.next().getSequence()).isEqualTo(10);
    }
  }

  @Test
  void aReconnectingClientResumesWithNoGapAndNoDuplicate() throws Exception {
    fixture = new LiveFixture(LiveSettings.defaults(), null, null);
    long lastSeen;
    try (LiveClient first = fixture.anonymous()) {
      first.send(subscribe("r1", "m", Topic.TOPIC_STREAM_MARKETS, "s-1"));
      first.next();
      for (int i = 1; i <= 20; i++) {
        fixture.bus.append(MARKETS, update("mk" + (i % 4), i).toByteArray());
      }
      List<ServerMessage> got = first.next(20);
      lastSeen = got.getLast().getSequence();
      assertThat(lastSeen).isEqualTo(20);
    }
    // Missed while disconnected.
    for (int i = 21; i <= 35; i++) {
      fixture.bus.append(MARKETS, update("mk" + (i % 4), i).toByteArray());
    }
    try (LiveClient second = fixture.anonymous()) {
      second.send(
          ClientMessage.newBuilder()
              .setRequestId("r2")
              .setResume(
                  Resume.newBuilder()
                      .setSubscriptionId("m")
                      .setFromSequence(lastSeen + 1)
                      .setTopic(Topic.TOPIC_STREAM_MARKETS)
                      .setResourceId("s-1"))
              .build());
      ServerMessage resumed = second.next();
      assertThat(resumed.getSubscribed().getResumed()).isTrue();
      assertThat(resumed.getSubscribed().getNextSequence()).isEqualTo(21);
      for (int i = 36; i <= 40; i++) {
        fixture.bus.append(MARKETS, update("mk" + (i % 4), i).toByteArray());
      }
      assertThat(second.next(20))
          .extracting(ServerMessage::getSequence)
          .isEqualTo(java.util.stream.LongStream.rangeClosed(21, 40).boxed().toList());
      assertThat(second.received.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void aSlowClientGetsAConflatedSnapshotWhileAFastOneGetsEveryUpdate() throws Exception {
    fixture = new LiveFixture(LiveSettings.defaults().withSendQueueFrames(8), null, null);
    try (LiveClient fast = fixture.anonymous();
        LiveClient slow =
            LiveClient.open(
                java.net.http.HttpClient.newHttpClient(), fixture.live(""), Map.of(), true)) {
      fast.send(subscribe("r1", "m", Topic.TOPIC_STREAM_MARKETS, "s-1"));
      // The slow client never reads (the JDK client reads only what is asked for) until told to.
      slow.send(subscribe("r1", "m", Topic.TOPIC_STREAM_MARKETS, "s-1"));
      fast.next();
      String padding = "x".repeat(32 * 1024);
      int count = 600;
      List<ServerMessage> all = new ArrayList<>();
      for (int i = 1; i <= count; i++) {
        fixture.bus.append(
            MARKETS,
            update("mk" + (i % 5), i).toBuilder().setDetail(padding).build().toByteArray());
        if (i % 4 == 0) {
          // A fast client keeps up: it has each small batch before the next is published.
          all.addAll(fast.next(4));
        }
      }
      assertThat(all)
          .extracting(ServerMessage::getSequence)
          .isEqualTo(java.util.stream.LongStream.rangeClosed(1, count).boxed().toList());

      slow.resumeReading();
      assertThat(slow.next().getSubscribed().getNextSequence()).isEqualTo(1);
      Map<String, Long> latestVersion = new HashMap<>();
      long lastSequence = 0;
      boolean resynced = false;
      int received = 0;
      while (lastSequence < count) {
        ServerMessage message = slow.next();
        if (message.hasSubscribed()) {
          assertThat(message.getSubscribed().getResumed()).isFalse();
          assertThat(message.getSubscribed().getNextSequence()).isGreaterThan(lastSequence);
          resynced = true;
          continue;
        }
        assertThat(message.getSequence()).isGreaterThan(lastSequence);
        if (!resynced) {
          assertThat(message.getSequence()).isEqualTo(lastSequence + 1);
        }
        lastSequence = message.getSequence();
        latestVersion.put(
            message.getMarketUpdate().getMarketId(), message.getMarketUpdate().getPriceVersion());
        received++;
      }
      assertThat(resynced).as("the slow client was told to resync").isTrue();
      assertThat(received).as("conflated, not queued").isLessThan(count);
      assertThat(latestVersion)
          .containsEntry("mk0", 600L)
          .containsEntry("mk1", 596L)
          .containsEntry("mk2", 597L)
          .containsEntry("mk3", 598L)
          .containsEntry("mk4", 599L);
    }
  }

  @Test
  void requestsThatCannotBeCarriedOutGetSpecificErrors() throws Exception {
    fixture = new LiveFixture(LiveSettings.defaults(), null, null);
    String token = fixture.signIn("bettor@example.com");
    try (LiveClient anonymous = fixture.anonymous();
        LiveClient signedIn = fixture.signedIn(token)) {
      anonymous.send(subscribe("r1", "acc", Topic.TOPIC_ACCOUNT, ""));
      assertError(anonymous.next(), "r1", RequestErrorCode.REQUEST_ERROR_CODE_UNAUTHENTICATED);
      anonymous.send(
          ClientMessage.newBuilder()
              .setRequestId("r2")
              .setPlaceBet(dev.slipstream.wire.v1.PlaceBet.newBuilder().setRequestId("b1"))
              .build());
      assertError(anonymous.next(), "r2", RequestErrorCode.REQUEST_ERROR_CODE_UNAUTHENTICATED);
      anonymous.send(subscribe("r3", "x", Topic.TOPIC_STREAM_MARKETS, "missing"));
      assertError(anonymous.next(), "r3", RequestErrorCode.REQUEST_ERROR_CODE_NOT_FOUND);
      anonymous.send(subscribe("r4", "x", Topic.TOPIC_STREAM, "s-1"));
      assertError(anonymous.next(), "r4", RequestErrorCode.REQUEST_ERROR_CODE_INVALID_REQUEST);
      anonymous.send(subscribe("r5", "x", Topic.TOPIC_UNSPECIFIED, "s-1"));
      assertError(anonymous.next(), "r5", RequestErrorCode.REQUEST_ERROR_CODE_INVALID_REQUEST);
      anonymous.send(
          ClientMessage.newBuilder()
              .setRequestId("r6")
              .setUnsubscribe(Unsubscribe.newBuilder().setSubscriptionId("nope"))
              .build());
      assertError(anonymous.next(), "r6", RequestErrorCode.REQUEST_ERROR_CODE_NOT_FOUND);

      signedIn.send(subscribe("r1", "acc", Topic.TOPIC_ACCOUNT, "usr_someoneelse00000"));
      assertError(signedIn.next(), "r1", RequestErrorCode.REQUEST_ERROR_CODE_FORBIDDEN);
      signedIn.send(subscribe("r2", "acc", Topic.TOPIC_ACCOUNT, fixture.userId(token)));
      assertThat(signedIn.next().getSubscribed().getSubscriptionId()).isEqualTo("acc");
      signedIn.send(subscribe("r3", "acc", Topic.TOPIC_STREAM_MARKETS, "s-1"));
      assertError(
          signedIn.next(), "r3", RequestErrorCode.REQUEST_ERROR_CODE_DUPLICATE_SUBSCRIPTION);
      signedIn.send(
          ClientMessage.newBuilder()
              .setRequestId("r4")
              .setPlaceBet(dev.slipstream.wire.v1.PlaceBet.newBuilder().setRequestId("b1"))
              .build());
      assertError(signedIn.next(), "r4", RequestErrorCode.REQUEST_ERROR_CODE_NOT_FOUND);
    }
  }

  @Test
  void anAccountIsRateLimitedAcrossItsSockets() throws Exception {
    fixture = new LiveFixture(LiveSettings.defaults().withRequestRate(1, 5), null, null);
    String token = fixture.signIn("flood@example.com");
    try (LiveClient one = fixture.signedIn(token);
        LiveClient two = fixture.signedIn(token)) {
      for (int i = 0; i < 3; i++) {
        one.send(unsubscribe("a" + i));
        two.send(unsubscribe("b" + i));
      }
      List<ServerMessage> replies = new ArrayList<>(one.next(3));
      replies.addAll(two.next(3));
      assertThat(replies)
          .filteredOn(
              m -> m.getError().getCode() == RequestErrorCode.REQUEST_ERROR_CODE_RATE_LIMITED)
          .hasSize(1);
    }
  }

  @Test
  void theUpgradeRefusesTamperedAndExpiredTokensAndForeignPages() throws Exception {
    fixture = new LiveFixture(LiveSettings.defaults(), null, null);
    String token = fixture.signIn("upgrade@example.com");
    String tampered = token.substring(0, token.length() - 3) + "abc";
    assertRefused(Map.of("Authorization", "Bearer " + tampered), "", 401);
    assertRefused(Map.of(), "access_token=" + tampered, 401);
    assertRefused(Map.of("Origin", "https://evil.example"), "", 403);
    assertRefused(Map.of(), "format=xml", 400);
    // The allow-listed origin and the query token both work.
    try (LiveClient ok =
        LiveClient.open(
            fixture.http,
            fixture.live("access_token=" + token),
            Map.of("Origin", "https://app.example"),
            false)) {
      ok.send(subscribe("r1", "acc", Topic.TOPIC_ACCOUNT, ""));
      assertThat(ok.next().hasSubscribed()).isTrue();
      fixture.clock.advance(Duration.ofHours(2));
      ok.send(subscribe("r2", "acc2", Topic.TOPIC_ACCOUNT, ""));
      assertError(ok.next(), "r2", RequestErrorCode.REQUEST_ERROR_CODE_UNAUTHENTICATED);
    }
    assertRefused(Map.of("Authorization", "Bearer " + token), "", 401);
  }

  @Test
  void jsonClientsGetTheProtobufJsonMapping() throws Exception {
    fixture = new LiveFixture(LiveSettings.defaults(), null, null);
    try (LiveClient client =
        LiveClient.open(fixture.http, fixture.live("format=json"), Map.of(), false)) {
      client.sendJson(subscribe("r1", "m", Topic.TOPIC_STREAM_MARKETS, "s-1"));
      assertThat(client.next().getSubscribed().getSubscriptionId()).isEqualTo("m");
      fixture.bus.append(MARKETS, update("mk1", 1).toByteArray());
      ServerMessage message = client.next();
      assertThat(message.getSequence()).isEqualTo(1);
      assertThat(message.getMarketUpdate().getMarketId()).isEqualTo("mk1");
      client.sendRaw("{\"subscribe\": ");
      assertError(client.next(), "", RequestErrorCode.REQUEST_ERROR_CODE_MALFORMED);
    }
    try (LiveClient client =
        LiveClient.open(
            fixture.http,
            fixture.live(""),
            Map.of("Sec-WebSocket-Protocol", LiveRoutes.JSON_PROTOCOL),
            false)) {
      assertThat(client.socket.getSubprotocol()).isEqualTo(LiveRoutes.JSON_PROTOCOL);
      client.sendRaw("not json");
      assertError(client.next(), "", RequestErrorCode.REQUEST_ERROR_CODE_MALFORMED);
    }
  }

  private void assertRefused(Map<String, String> headers, String query, int status) {
    assertThatThrownBy(() -> LiveClient.open(fixture.http, fixture.live(query), headers, false))
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            WebSocketHandshakeException.class,
            e -> assertThat(e.getResponse().statusCode()).isEqualTo(status));
  }

  static void assertError(ServerMessage message, String requestId, RequestErrorCode code) {
    assertThat(message.getRequestId()).isEqualTo(requestId);
    assertThat(message.getError().getCode()).as(message.toString()).isEqualTo(code);
    assertThat(message.getError().getMessage()).isNotBlank();
  }

  static ClientMessage subscribe(String requestId, String id, Topic topic, String resource) {
    return ClientMessage.newBuilder()
        .setRequestId(requestId)
        .setSubscribe(
            Subscribe.newBuilder().setSubscriptionId(id).setTopic(topic).setResourceId(resource))
        .build();
  }

  static ClientMessage unsubscribe(String id) {
    return ClientMessage.newBuilder()
        .setRequestId(id)
        .setUnsubscribe(Unsubscribe.newBuilder().setSubscriptionId(id))
        .build();
  }

  static MarketUpdate update(String market, long version) {
    return MarketUpdate.newBuilder()
        .setMarketId(market)
        .setStreamId("s-1")
        .setPriceVersion(version)
        .build();
  }

  static AnalyticsFrame frame(long index) {
    return AnalyticsFrame.newBuilder().setStreamId("s-1").setFrameIndex(index).build();
  }
}
