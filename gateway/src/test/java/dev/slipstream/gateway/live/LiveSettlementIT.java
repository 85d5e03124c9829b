package dev.slipstream.gateway.live;

import static dev.slipstream.gateway.live.LiveSocketIT.subscribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipstream.gateway.markets.BetSettlements;
import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.markets.sequencer.BetSequencer;
import dev.slipstream.markets.service.BetView;
import dev.slipstream.markets.service.EvidenceFrames;
import dev.slipstream.markets.service.MarketService;
import dev.slipstream.markets.service.NewMarket;
import dev.slipstream.wire.v1.BetSettlementState;
import dev.slipstream.wire.v1.BetStatus;
import dev.slipstream.wire.v1.ClientMessage;
import dev.slipstream.wire.v1.PlaceBet;
import dev.slipstream.wire.v1.ServerMessage;
import dev.slipstream.wire.v1.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bet placed over the live socket through the market service is stored as the caller's, and when
 * its market settles the caller's account topic carries a {@code BetSettlement} with the payout.
 */
class LiveSettlementIT {
  private BetShardFixture bets;
  private Ledger ledger;
  private BetSequencer shard;
  private MarketService markets;
  private LiveFixture fixture;

  @BeforeEach
  void start() throws Exception {
    bets = new BetShardFixture();
    ledger = bets.ledger;
    shard = bets.shard;
    List<dev.slipstream.wire.v1.MarketUpdate> updates = new java.util.ArrayList<>();
    markets =
        MarketService.start(
            bets.db.dataSource(),
            shard,
            ledger,
            bets.house.id(),
            "EUR",
            Clock.systemUTC(),
            EvidenceFrames.NONE,
            updates::add);
    fixture = new LiveFixture(LiveSettings.defaults(), markets::place, ledger);
    markets.onSettled(BetSettlements.publisher(fixture.bus));
  }

  @AfterEach
  void stop() {
    fixture.close();
    markets.close();
    bets.close();
  }

  @Test
  void aSocketBetIsStoredAndItsSettlementReachesTheAccountTopic() throws Exception {
    String token = fixture.signIn("punter@example.com");
    String userId = fixture.userId(token);
    Account wallet = bets.fundedWallet(userId, 10_000);
    String market =
        markets
            .create(
                "ops",
                new NewMarket(
                    "s-1",
                    "Who leads at 50 m?",
                    List.of("Lane 4", "Lane 5"),
                    List.of(20_000, 30_000),
                    600))
            .id();

    try (LiveClient client = fixture.signedIn(token)) {
      client.send(subscribe("r1", "acc", Topic.TOPIC_ACCOUNT, ""));
      assertThat(client.next().hasSubscribed()).isTrue();
      client.send(
          ClientMessage.newBuilder()
              .setRequestId("req-1")
              .setPlaceBet(
                  PlaceBet.newBuilder()
                      .setRequestId("bet-1")
                      .setMarketId(market)
                      .setSelectionId("s1")
                      .setStakeMinor(1_000)
                      .setCurrency("EUR")
                      .setPriceVersionSeen(1)
                      .setDecimalOddsBpSeen(20_000))
              .build());
      String betId = null;
      while (betId == null) {
        ServerMessage message = client.next();
        if (message.getRequestId().equals("req-1")) {
          assertThat(message.getBetResult().getStatus()).isEqualTo(BetStatus.BET_STATUS_ACCEPTED);
          betId = message.getBetResult().getBetId();
        }
      }
      String placed = betId;
      await().atMost(Duration.ofSeconds(30)).until(() -> markets.bet(userId, placed).isPresent());

      markets.settle("ops", market, "s1", "lane 4 led at 50 m");

      ServerMessage settled = null;
      while (settled == null) {
        ServerMessage message = client.next();
        if (message.hasBetSettlement()) {
          settled = message;
        }
      }
      assertThat(settled.getSubscriptionId()).isEqualTo("acc");
      assertThat(settled.getBetSettlement().getBetId()).isEqualTo(betId);
      assertThat(settled.getBetSettlement().getMarketId()).isEqualTo(market);
      assertThat(settled.getBetSettlement().getState())
          .isEqualTo(BetSettlementState.BET_SETTLEMENT_STATE_WON);
      assertThat(settled.getBetSettlement().getPayoutMinor()).isEqualTo(2_000);
      assertThat(settled.getBetSettlement().getCurrency()).isEqualTo("EUR");
    }
    BetView bet = markets.bets(userId, "settled", null, 10).bets().getFirst();
    assertThat(bet.state()).isEqualTo("WON");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ledger.account(wallet.id()).balance() == 11_000);
  }
}
