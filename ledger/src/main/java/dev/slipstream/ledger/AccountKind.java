package dev.slipstream.ledger;

import dev.slipstream.platform.InvalidInputException;
import java.util.Locale;

/** What an account is for; only the system accounts money enters through may go negative. */
public enum AccountKind {
  /** A player's money: deposits in, stakes out, winnings in, withdrawals out. */
  PLAYER_WALLET(false),
  /** The stakes of one market (owner is the market id) between acceptance and settlement. */
  BET_ESCROW(false),
  /** The operator's own book: pays winnings and keeps losing stakes; may go negative. */
  HOUSE(true),
  /** The mirror of a payment provider: deposits enter and withdrawals leave through it. */
  PAYMENT_CLEARING(true),
  /** Fees the operator has earned. */
  FEES(false);

  private final boolean mayGoNegative;

  AccountKind(boolean mayGoNegative) {
    this.mayGoNegative = mayGoNegative;
  }

  /** Returns whether accounts of this kind may have a negative balance. */
  public boolean mayGoNegative() {
    return mayGoNegative;
  }

  /** Returns the name stored in the database and used on the wire, e.g. {@code player_wallet}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the kind with this wire name.
   *
   * @throws InvalidInputException {@code invalid_account_kind} for an unknown name
   */
  public static AccountKind fromWireName(String name) {
    for (AccountKind kind : values()) {
      if (kind.wireName().equals(name)) {
        return kind;
      }
    }
    throw new InvalidInputException(
        "invalid_account_kind",
        "account kind must be player_wallet, bet_escrow, house, payment_clearing or fees (was "
            + name
            + ")");
  }
}
