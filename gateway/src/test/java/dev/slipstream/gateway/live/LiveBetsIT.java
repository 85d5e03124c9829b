package dev.slipstream.gateway.live;

import static dev.slipstream.gateway.live.LiveSocketIT.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.AccountKind;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.markets.engine.EngineCommand;
import dev.slipstream.markets.engine.RiskLimits;
import dev.slipstream.markets.sequencer.BetSequencer;
import dev.slipstream.wire.v1.BetStatus;
import dev.slipstream.wire.v1.ClientMessage;
import dev.slipstream.wire.v1.PlaceBet;
import dev.slipstream.wire.v1.ServerMessage;
import dev.slipstream.wire.v1.Topic;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bet over the live socket against a real bet shard and ledger on embedded PostgreSQL: the stake
 * is held in the caller's own wallet, the answer carries the request id, and the result and the new
 * balance arrive on the caller's account topic.
 */
class LiveBetsIT {
  private BetShardFixture bets;
  private Ledger ledger;
  private BetSequencer shard;
  private LiveFixture fixture;

  @BeforeEach
  void start() throws Exception {
    bets = new BetShardFixture();
    ledger = bets.ledger;
    shard = bets.shard;
    shard
        .submit(
            new EngineCommand.Open(
                "m1",
                "s-1",
                "EUR",
                List.of("yes", "no"),
                new int[] {25_000, 15_000},
                RiskLimits.DEFAULTS))
        .join();
    fixture = new LiveFixture(LiveSettings.defaults(), shard::place, ledger);
  }

  @AfterEach
  void stop() {
    fixture.close();
    bets.close();
  }

  @Test
  void aBetOverTheSocketStakesTheCallersWalletAndArrivesOnTheAccountTopic() throws Exception {
    String token = fixture.signIn("punter@example.com");
    String userId = fixture.userId(token);
    Account wallet = bets.fundedWallet(userId, 10_000);
    Account someoneElse = ledger.openAccount(AccountKind.PLAYER_WALLET, "victim", "EUR");

    try (LiveClient client = fixture.signedIn(token)) {
      client.send(subscribe("r1", "acc", Topic.TOPIC_ACCOUNT, ""));
      assertThat(client.next().hasSubscribed()).isTrue();
      client.send(
          ClientMessage.newBuilder()
              .setRequestId("req-7")
              .setPlaceBet(
                  PlaceBet.newBuilder()
                      .setRequestId("bet-1")
                      // Never trusted: the gateway stakes from the caller's own wallet.
                      .setAccountId(Long.toString(someoneElse.id()))
                      .setMarketId("m1")
                      .setSelectionId("yes")
                      .setStakeMinor(1_000)
                      .setCurrency("EUR")
                      .setPriceVersionSeen(1)
                      .setDecimalOddsBpSeen(25_000))
              .build());
      ServerMessage answer = null;
      ServerMessage accountResult = null;
      ServerMessage accountWallet = null;
      for (int i = 0; i < 3; i++) {
        ServerMessage message = client.next();
        if (message.getRequestId().equals("req-7")) {
          answer = message;
        } else if (message.hasBetResult()) {
          accountResult = message;
        } else if (message.hasWalletUpdate()) {
          accountWallet = message;
        }
      }
      assertThat(answer).isNotNull();
      assertThat(answer.getBetResult().getStatus()).isEqualTo(BetStatus.BET_STATUS_ACCEPTED);
      assertThat(answer.getBetResult().getRequestId()).isEqualTo("bet-1");
      assertThat(accountResult).isNotNull();
      assertThat(accountResult.getSubscriptionId()).isEqualTo("acc");
      assertThat(accountResult.getSequence()).isEqualTo(1);
      assertThat(accountResult.getBetResult().getBetId())
          .isEqualTo(answer.getBetResult().getBetId());
      assertThat(accountWallet).isNotNull();
      assertThat(accountWallet.getSequence()).isEqualTo(2);
      assertThat(accountWallet.getWalletUpdate().getHeldMinor()).isEqualTo(1_000);
      assertThat(accountWallet.getWalletUpdate().getAvailableMinor()).isEqualTo(9_000);
    }
    assertThat(ledger.account(wallet.id()).held()).isEqualTo(1_000);
    assertThat(ledger.account(someoneElse.id()).held()).isZero();

    HttpResponse<String> response =
        fixture.http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + fixture.gateway.port() + "/api/wallet"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = new ObjectMapper().readTree(response.body());
    assertThat(body.get("accountId").asText()).isEqualTo(Long.toString(wallet.id()));
    assertThat(body.get("balanceMinor").asLong()).isEqualTo(10_000);
    assertThat(body.get("heldMinor").asLong()).isEqualTo(1_000);
    assertThat(body.get("availableMinor").asLong()).isEqualTo(9_000);
    HttpResponse<String> anonymous =
        fixture.http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + fixture.gateway.port() + "/api/wallet"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }
}
