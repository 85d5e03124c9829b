package dev.slipstream.markets.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.slipstream.wire.v1.BetRejectCode;
import dev.slipstream.wire.v1.BetStatus;
import dev.slipstream.wire.v1.PlaceBet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnsweredRequestsTest {
  private static final Set<String> KEYS = Set.of("request_id", "account_id");

  private static final PlaceBet BET =
      PlaceBet.newBuilder()
          .setRequestId("r-1")
          .setAccountId("42")
          .setMarketId("mk-1")
          .setSelectionId("yes")
          .setStakeMinor(500)
          .setCurrency("EUR")
          .setPriceVersionSeen(7)
          .setDecimalOddsBpSeen(25_000)
          .setMediaTimeUs(1_000_000)
          .setAcceptBetterOdds(false)
          .build();

  @Test
  void everyFieldButTheKeysChangesTheFingerprint() {
    for (FieldDescriptor field : PlaceBet.getDescriptor().getFields()) {
      PlaceBet changed = BET.toBuilder().setField(field, otherValue(field)).build();
      if (KEYS.contains(field.getName())) {
        assertThat(AnsweredRequests.fingerprint(changed))
            .as(field.getName())
            .isEqualTo(AnsweredRequests.fingerprint(BET));
      } else {
        assertThat(AnsweredRequests.fingerprint(changed))
            .as(field.getName())
            .isNotEqualTo(AnsweredRequests.fingerprint(BET));
      }
    }
  }

  @Test
  void stringsAreNotConfusedAcrossFieldBoundaries() {
    PlaceBet a = BET.toBuilder().setMarketId("mk-1y").setSelectionId("es").build();
    assertThat(AnsweredRequests.fingerprint(a)).isNotEqualTo(AnsweredRequests.fingerprint(BET));
  }

  @Test
  void aRetryGetsTheFirstAnswerAndADifferentBetUnderTheSameIdIsAConflict() {
    AnsweredRequests answered = new AnsweredRequests();
    BetDecision accepted =
        new BetDecision(
            "r-1",
            "main-1",
            BetStatus.BET_STATUS_ACCEPTED,
            BetRejectCode.BET_REJECT_CODE_UNSPECIFIED,
            "",
            25_000,
            7,
            1_250);
    answered.remember(BET, accepted);

    assertThat(answered.earlier(BET.toBuilder().build())).contains(accepted);
    assertThat(answered.earlier(BET.toBuilder().setStakeMinor(501).build()))
        .get()
        .extracting(BetDecision::rejectCode)
        .isEqualTo(BetRejectCode.BET_REJECT_CODE_IDEMPOTENCY_CONFLICT);
    assertThat(answered.earlier(BET.toBuilder().setRequestId("r-2").build())).isEmpty();
  }

  private static Object otherValue(FieldDescriptor field) {
    Object value = BET.getField(field);
    return switch (field.getJavaType()) {
      case STRING -> value + "x";
      case LONG -> (Long) value + 1;
      case INT -> (Integer) value + 1;
      case BOOLEAN -> !(Boolean) value;
      default -> throw new AssertionError("PlaceBet has a field of a new kind: " + field.getName());
    };
  }
}
