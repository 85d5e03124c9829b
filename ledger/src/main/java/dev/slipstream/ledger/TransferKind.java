package dev.slipstream.ledger;

import dev.slipstream.platform.InvalidInputException;
import java.util.Locale;

/** Why money moved; stored with every transfer and hold so history reads like a statement. */
public enum TransferKind {
  /** Money arriving from a payment provider. */
  DEPOSIT,
  /** Money leaving to a payment provider. */
  WITHDRAWAL,
  /** A bet's stake moving from a wallet to its market's escrow. */
  STAKE,
  /** Winnings paid to a wallet. */
  PAYOUT,
  /** A stake or payment given back. */
  REFUND,
  /** A fee charged. */
  FEE,
  /** A correction made by an operator, with its reason in the metadata. */
  ADJUSTMENT,
  /** Any other movement between two accounts. */
  TRANSFER,
  /**
   * Only for holds: money a bet shard reserves on a wallet ahead of its bets and draws their stakes
   * from ({@link FloatDraws}); never posted, its rest voided when the shard gives it back.
   */
  BET_FLOAT;

  /** Returns the name stored in the database, e.g. {@code stake}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the kind with this stored name.
   *
   * @throws InvalidInputException {@code invalid_transfer_kind} for an unknown name
   */
  public static TransferKind fromWireName(String name) {
    for (TransferKind kind : values()) {
      if (kind.wireName().equals(name)) {
        return kind;
      }
    }
    throw new InvalidInputException(
        "invalid_transfer_kind", "unknown transfer kind " + name + " in the ledger");
  }
}
