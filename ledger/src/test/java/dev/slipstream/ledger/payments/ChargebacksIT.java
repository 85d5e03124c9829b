package dev.slipstream.ledger.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.AccountKind;
import dev.slipstream.ledger.HoldState;
import dev.slipstream.ledger.TransferKind;
import dev.slipstream.ledger.TransferRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChargebacksIT extends PaymentsFixture {

  @Test
  void aChargebackTakesTheDepositBackAndIsRecordedAgainstTheWallet() {
    PaymentIntent intent =
        payments.deposit(wallet.id(), 5_000, "EUR", "tok_chargeback", UUID.randomUUID());
    pass(Duration.ofSeconds(2));
    assertThat(balance(wallet.id())).isEqualTo(5_000);

    pass(Duration.ofSeconds(30));

    assertThat(payments.findIntent(intent.id()).orElseThrow().state())
        .isEqualTo(IntentState.REVERSED);
    assertThat(balance(wallet.id())).isZero();
    assertThat(clearingBalance()).isZero();
    assertThat(payments.chargebacks(wallet.id()))
        .singleElement()
        .satisfies(
            chargeback -> {
              assertThat(chargeback.intentId()).isEqualTo(intent.id());
              assertThat(chargeback.amount()).isEqualTo(5_000);
              assertThat(chargeback.recovered()).isEqualTo(5_000);
              assertThat(chargeback.shortfall()).isZero();
              assertThat(chargeback.applied()).isTrue();
            });
  }

  @Test
  void whenTheMoneyIsSpentWhatIsLeftIsHeldAndTheShortfallRecorded() {
    Account escrow = ledger.openAccount(AccountKind.BET_ESCROW, "mkt_1", "EUR");
    payments.deposit(wallet.id(), 5_000, "EUR", "tok_chargeback", UUID.randomUUID());
    pass(Duration.ofSeconds(2));
    ledger.transfer(
        TransferRequest.of(
            UUID.randomUUID(), wallet.id(), escrow.id(), 4_000, "EUR", TransferKind.STAKE));

    pass(Duration.ofSeconds(30));

    Chargeback chargeback = payments.chargebacks(wallet.id()).getFirst();
    assertThat(chargeback.recovered()).isZero();
    assertThat(chargeback.held()).isEqualTo(1_000);
    assertThat(chargeback.shortfall()).isEqualTo(4_000);
    assertThat(ledger.findHold(chargeback.holdId()).orElseThrow().state())
        .isEqualTo(HoldState.PENDING);
    assertThat(ledger.account(wallet.id()).available()).isZero();
    assertThat(balance(wallet.id())).isEqualTo(1_000);
  }

  @Test
  void aChargebackRedeliveredAfterALostAcknowledgementTakesTheMoneyOnce() {
    payments.deposit(wallet.id(), 5_000, "EUR", "tok_chargeback", UUID.randomUUID());
    pass(Duration.ofSeconds(2));
    deposited(1_000);
    sink.loseAcks(1);

    pass(Duration.ofSeconds(30));
    pass(Duration.ofSeconds(1));

    assertThat(sink.deliveries())
        .filteredOn(d -> d.bodyText().contains("chargeback.created"))
        .hasSize(2);
    assertThat(payments.chargebacks(wallet.id()))
        .singleElement()
        .satisfies(chargeback -> assertThat(chargeback.recovered()).isEqualTo(5_000));
    assertThat(balance(wallet.id())).isEqualTo(1_000);
  }
}
