package dev.slipstream.ledger.payments;

import java.util.Optional;

/**
 * The sandbox's test payment methods, like a real processor's test cards: each token always behaves
 * the same way, so a test or a demo picks the outcome by picking the card.
 */
public enum SandboxCard {
  /** Deposits succeed; payouts are paid. */
  VISA("tok_visa"),
  /** Deposits succeed; payouts are paid. */
  MASTERCARD("tok_mastercard"),
  /** Deposits are declined; payouts fail. */
  DECLINED("tok_declined"),
  /** The provider never answers: no webhook is ever sent. */
  TIMEOUT("tok_timeout"),
  /** Deposits succeed, then a chargeback arrives later; payouts are paid. */
  CHARGEBACK("tok_chargeback");

  private final String token;

  SandboxCard(String token) {
    this.token = token;
  }

  /** Returns the token to pass as the payment method, e.g. {@code tok_visa}. */
  public String token() {
    return token;
  }

  /** Returns the card with this token, if the sandbox knows it. */
  public static Optional<SandboxCard> fromToken(String token) {
    for (SandboxCard card : values()) {
      if (card.token.equals(token)) {
        return Optional.of(card);
      }
    }
    return Optional.empty();
  }
}
