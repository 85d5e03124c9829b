package dev.slipstream.ledger.payments;

import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.AccountKind;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.Outcome;
import dev.slipstream.platform.InvalidInputException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/** The ledger accounts payments use: players' wallets, and one clearing account per currency. */
final class Accounts {
  private final Ledger ledger;
  private final String clearingOwner;
  private final Map<String, Long> clearing = new ConcurrentHashMap<>();

  Accounts(Ledger ledger, String clearingOwner) {
    this.ledger = ledger;
    this.clearingOwner = clearingOwner;
  }

  /**
   * Returns the wallet, checking it is one and holds {@code currency}.
   *
   * @throws dev.slipstream.platform.NotFoundException {@code account_not_found}
   * @throws InvalidInputException {@code not_a_wallet} or {@code currency_mismatch}
   */
  Account wallet(long accountId, String currency) {
    Account account = ledger.account(accountId);
    if (account.kind() != AccountKind.PLAYER_WALLET) {
      throw new InvalidInputException(
          "not_a_wallet",
          "account " + accountId + " is a " + account.kind().wireName() + ", not a player wallet");
    }
    if (!account.currency().equals(currency)) {
      throw new InvalidInputException(
          "currency_mismatch",
          "wallet " + accountId + " holds " + account.currency() + ", not " + currency);
    }
    return account;
  }

  /** Returns the id of the payment clearing account for {@code currency}, opening it if needed. */
  long clearing(String currency) {
    return clearing.computeIfAbsent(
        currency, c -> ledger.openAccount(AccountKind.PAYMENT_CLEARING, clearingOwner, c).id());
  }

  /** Waits for a ledger answer, rethrowing a failure as itself rather than wrapped. */
  static <T> Outcome<T> await(CompletableFuture<Outcome<T>> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
