package dev.slipstream.gateway.live;

import static dev.slipstream.gateway.live.LiveSocketIT.subscribe;
import static dev.slipstream.gateway.live.LiveSocketIT.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.wire.v1.RequestErrorCode;
import dev.slipstream.wire.v1.ServerMessage;
import dev.slipstream.wire.v1.Topic;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random and malformed frames on a live socket: each gets a {@code RequestError}, none
 * crashes the socket or changes what it is subscribed to.
 */
class LiveFuzzIT {
  private static final String[] JSON_PARTS = {
    "{",
    "}",
    "[",
    "]",
    "\"subscribe\"",
    "\"resume\"",
    "\"placeBet\"",
    "\"topic\"",
    ":",
    ",",
    "\"TOPIC_ACCOUNT\"",
    "\"TOPIC_STREAM_MARKETS\"",
    "1e999",
    "-1",
    "null",
    "true",
    "\"\\u0000\"",
    "\"subscriptionId\"",
    "\"fromSequence\"",
    "\"resourceId\"",
    "\"missing\"",
    "18446744073709551616"
  };

  private LiveFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void randomAndMalformedFramesGetRequestErrorsAndChangeNothing() throws Exception {
    fixture =
        new LiveFixture(LiveSettings.defaults().withRequestRate(1_000_000, 1_000_000), null, null);
    Random random = new Random(7);
    try (LiveClient client = fixture.anonymous()) {
      client.send(subscribe("r0", "m", Topic.TOPIC_STREAM_MARKETS, "s-1"));
      assertThat(client.next().hasSubscribed()).isTrue();
      int frames = 0;
      for (int i = 0; i < 2_000; i++) {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        client.sendRaw(bytes);
        frames++;
      }
      for (int i = 0; i < 1_000; i++) {
        StringBuilder text = new StringBuilder();
        int parts = random.nextInt(12);
        for (int p = 0; p < parts; p++) {
          text.append(JSON_PARTS[random.nextInt(JSON_PARTS.length)]);
        }
        if (random.nextBoolean()) {
          byte[] noise = new byte[random.nextInt(20)];
          random.nextBytes(noise);
          text.append(new String(noise, StandardCharsets.ISO_8859_1));
        }
        client.sendRaw(text.toString());
        frames++;
      }
      Set<RequestErrorCode> allowed =
          EnumSet.of(
              RequestErrorCode.REQUEST_ERROR_CODE_MALFORMED,
              RequestErrorCode.REQUEST_ERROR_CODE_INVALID_REQUEST,
              RequestErrorCode.REQUEST_ERROR_CODE_NOT_FOUND,
              RequestErrorCode.REQUEST_ERROR_CODE_UNAUTHENTICATED);
      for (int i = 0; i < frames; i++) {
        ServerMessage reply = client.next();
        assertThat(reply.hasError()).as("reply %d: %s", i, reply).isTrue();
        assertThat(reply.getError().getCode()).isIn(allowed);
      }
      // The socket still works and its one subscription is intact.
      fixture.bus.append("stream.s-1.markets", update("mk", 1).toByteArray());
      ServerMessage event = client.next();
      assertThat(event.getSubscriptionId()).isEqualTo("m");
      assertThat(event.getSequence()).isEqualTo(1);
      assertThat(client.closedWith.get()).isEqualTo(-1);
    }
  }
}
