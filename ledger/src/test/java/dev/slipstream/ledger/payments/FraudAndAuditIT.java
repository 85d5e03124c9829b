package dev.slipstream.ledger.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.AccountKind;
import dev.slipstream.ledger.HoldRequest;
import dev.slipstream.ledger.TransferKind;
import dev.slipstream.ledger.audit.AuditEntry;
import dev.slipstream.ledger.audit.AuditLog;
import dev.slipstream.ledger.fraud.FlagPage;
import dev.slipstream.ledger.fraud.FraudFlag;
import dev.slipstream.ledger.fraud.FraudRule;
import dev.slipstream.ledger.fraud.FraudRules;
import dev.slipstream.ledger.fraud.FraudSignals;
import dev.slipstream.ledger.fraud.SightingEvent;
import dev.slipstream.platform.InvalidInputException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Fraud rules raise one flag per occasion with the evidence that raised them, from real deposits,
 * stakes, sightings and chargebacks; the audit log records every money movement by itself and
 * refuses to be rewritten.
 */
class FraudAndAuditIT extends PaymentsFixture {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FraudSignals fraud() {
    return FraudSignals.postgres(
        db.dataSource(), clock, new FraudRules(3, 5, 3, 4, Duration.ofDays(30)));
  }

  @Test
  void aBurstOfDepositsRaisesOneVelocityFlagListingThem() throws Exception {
    FraudSignals fraud = fraud();
    for (int i = 0; i < 3; i++) {
      payments.deposit(wallet.id(), 1_000 + i, "EUR", "tok_visa", UUID.randomUUID());
    }
    assertThat(fraud.check("alice")).isEmpty();

    payments.deposit(wallet.id(), 2_000, "EUR", "tok_visa", UUID.randomUUID());
    List<FraudFlag> raised = fraud.check("alice");
    assertThat(fraud.check("alice")).as("raised once per hour, not again").isEmpty();
    pass(Duration.ofSeconds(2));

    assertThat(raised)
        .singleElement()
        .satisfies(f -> assertThat(f.rule()).isEqualTo(FraudRule.DEPOSIT_VELOCITY));
    JsonNode evidence = JSON.readTree(raised.getFirst().evidence());
    assertThat(evidence.get("count").asInt()).isEqualTo(4);
    assertThat(evidence.get("limit").asInt()).isEqualTo(3);
    assertThat(evidence.get("deposits")).hasSize(4);
    assertThat(evidence.get("deposits").get(3).get("amount").asLong()).isEqualTo(2_000);
  }

  @Test
  void manyStakesInAMinuteRaiseABetVelocityFlag() throws Exception {
    deposited(10_000);
    Account house = ledger.openAccount(AccountKind.HOUSE, "house", "EUR");
    for (int i = 0; i < 6; i++) {
      ledger.hold(
          new HoldRequest(
              UUID.randomUUID(),
              wallet.id(),
              house.id(),
              100,
              "EUR",
              TransferKind.STAKE,
              Duration.ofMinutes(5),
              "bet " + i));
    }
    List<FraudFlag> raised = fraud().scan();
    assertThat(raised).extracting(FraudFlag::rule).containsExactly(FraudRule.BET_VELOCITY);
    JsonNode evidence = JSON.readTree(raised.getFirst().evidence());
    assertThat(evidence.get("count").asInt()).isEqualTo(6);
    assertThat(evidence.get("staked").asLong()).isEqualTo(600);
    for (var hold : ledger.openHolds(wallet.id())) {
      ledger.voidHold(hold.id());
    }
  }

  @Test
  void threeAccountsOnOneDeviceAreEachFlaggedWithTheOthersNamed() throws Exception {
    FraudSignals fraud = fraud();
    fraud.recordSighting("usr_a", SightingEvent.REGISTRATION, "dev-1", "ip-1");
    fraud.recordSighting("usr_b", SightingEvent.LOGIN, "dev-1", "ip-2");
    assertThat(fraud.check("usr_b")).isEmpty();
    fraud.recordSighting("usr_c", SightingEvent.DEPOSIT, "dev-1", "ip-3");

    List<FraudFlag> raised = fraud.check("usr_c");

    assertThat(raised)
        .extracting(FraudFlag::rule, FraudFlag::subject)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(FraudRule.SHARED_DEVICE, "usr_a"),
            org.assertj.core.groups.Tuple.tuple(FraudRule.SHARED_DEVICE, "usr_b"),
            org.assertj.core.groups.Tuple.tuple(FraudRule.SHARED_DEVICE, "usr_c"));
    JsonNode evidence = JSON.readTree(raised.getFirst().evidence());
    assertThat(evidence.get("deviceRef").asText()).isEqualTo("dev-1");
    assertThat(evidence.get("accounts"))
        .extracting(JsonNode::asText)
        .containsExactly("usr_a", "usr_b", "usr_c");
    assertThat(fraud.scan()).isEmpty();
    assertThat(fraud.forget("usr_a")).isEqualTo(1);
    assertThat(fraud.sightings("usr_a")).isEmpty();
  }

  @Test
  void aChargebackRaisesAFlagCarryingItsRecovery() throws Exception {
    payments.deposit(wallet.id(), 5_000, "EUR", "tok_chargeback", UUID.randomUUID());
    pass(Duration.ofSeconds(2));
    assertThat(fraud().check("alice")).isEmpty();
    pass(Duration.ofSeconds(30));

    List<FraudFlag> raised = fraud().check("alice");

    assertThat(raised)
        .singleElement()
        .satisfies(f -> assertThat(f.rule()).isEqualTo(FraudRule.CHARGEBACK_HISTORY));
    JsonNode evidence = JSON.readTree(raised.getFirst().evidence());
    assertThat(evidence.get("amount").asLong()).isEqualTo(5_000);
    assertThat(evidence.get("recovered").asLong()).isEqualTo(5_000);
    assertThat(evidence.get("chargebacksOnWallet").asInt()).isEqualTo(1);
  }

  @Test
  void flagsPageNewestFirstAndABadCursorIsRefused() {
    FraudSignals fraud = fraud();
    for (String user : List.of("usr_a", "usr_b", "usr_c", "usr_d")) {
      fraud.recordSighting(user, SightingEvent.LOGIN, null, "ip-shared");
    }
    assertThat(fraud.scan()).hasSize(4);
    FlagPage first = fraud.flags(Optional.empty(), 3);
    FlagPage second = fraud.flags(first.nextCursor(), 3);
    assertThat(first.flags()).hasSize(3);
    assertThat(second.flags()).hasSize(1);
    assertThat(second.nextCursor()).isEmpty();
    assertThat(first.flags().getFirst().id()).isGreaterThan(second.flags().getFirst().id());
    assertThatThrownBy(() -> fraud.flags(Optional.of("nonsense"), 3))
        .isInstanceOf(InvalidInputException.class)
        .hasFieldOrPropertyWithValue("code", "invalid_cursor");
    assertThatThrownBy(() -> fraud.recordSighting("usr_e", SightingEvent.LOGIN, "", "ip"))
        .hasFieldOrPropertyWithValue("code", "invalid_fingerprint");
  }

  @Test
  void everyMoneyMovementIsAuditedByTheDatabaseAndTheLogCannotBeRewritten() {
    AuditLog audit = AuditLog.postgres(db.dataSource(), clock);
    long before = count("audit_log");
    deposited(2_500);

    List<AuditEntry> credited = audit.about("account:" + wallet.id(), 10);
    assertThat(credited)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("ledger");
              assertThat(e.action()).isEqualTo("money.transfer");
              assertThat(e.details())
                  .contains("\"amount\": 2500")
                  .contains("\"kind\": \"deposit\"");
            });
    audit.record("usr_op", "withdrawal.approved", "withdrawal:1", Map.of("amount", 10));
    assertThat(count("audit_log")).isEqualTo(before + 2);
    assertThat(audit.by("usr_op", 10))
        .singleElement()
        .extracting(AuditEntry::action)
        .isEqualTo("withdrawal.approved");

    assertThatThrownBy(() -> sql("UPDATE ledger.audit_log SET actor = 'someone'"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> sql("DELETE FROM ledger.audit_log"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> sql("TRUNCATE ledger.audit_log")).hasMessageContaining("append-only");
    assertThatThrownBy(() -> audit.record("usr_op", "Approve!", "x", Map.of()))
        .hasFieldOrPropertyWithValue("code", "invalid_audit_entry");
    assertThat(count("audit_log")).isEqualTo(before + 2);
  }
}
