package dev.slipstream.gateway.live;

import dev.slipstream.gateway.auth.Caller;
import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.AccountKind;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.PlaceBet;
import dev.slipstream.wire.v1.RequestError;
import dev.slipstream.wire.v1.RequestErrorCode;
import dev.slipstream.wire.v1.ServerMessage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bets placed over a socket: the gateway stakes them from the caller's own wallet (whatever account
 * the client named), scopes the idempotency key to the caller, sends them to the {@link
 * BetPlacement} port, answers {@code ServerMessage{request_id, bet_result}}, and appends the result
 * to the caller's account topic, then the wallet as it stands after the bet (batched with other
 * bettors' by the hub's {@link WalletPublisher}).
 */
final class SocketBets {
  /** The wallet currency bets are staked in. */
  static final String CURRENCY = "EUR";

  private static final Logger log = LoggerFactory.getLogger(SocketBets.class);

  private final LiveHub hub;
  private final Outbox outbox;
  private final Map<String, Long> wallets = new ConcurrentHashMap<>();

  SocketBets(LiveHub hub, Outbox outbox) {
    this.hub = hub;
    this.outbox = outbox;
  }

  /** Checks the request and places the bet off the socket's reading thread. */
  void place(String requestId, Caller caller, PlaceBet bet) throws RequestRefused {
    if (!LiveSocket.mayBet(caller)) {
      throw new RequestRefused(
          RequestErrorCode.REQUEST_ERROR_CODE_FORBIDDEN, "placing bets needs the role bettor");
    }
    BetPlacement placement = hub.services().bets();
    Ledger ledger = hub.services().ledger();
    if (placement == null || ledger == null) {
      throw new RequestRefused(
          RequestErrorCode.REQUEST_ERROR_CODE_NOT_FOUND, "this server takes no bets");
    }
    String key = bet.getRequestId().isEmpty() ? requestId : bet.getRequestId();
    if (key.isEmpty()) {
      throw new RequestRefused(
          RequestErrorCode.REQUEST_ERROR_CODE_INVALID_REQUEST,
          "a bet needs a request_id (the idempotency key of the bet)");
    }
    Thread.startVirtualThread(() -> run(requestId, key, caller, bet, placement, ledger));
  }

  /**
   * The caller's wallet id, opened on the socket's first bet and then remembered: a socket is one
   * caller's, and a ledger account never changes its id.
   */
  private long wallet(Caller caller, Ledger ledger) {
    Long known = wallets.get(caller.userId());
    if (known != null) {
      return known;
    }
    Account wallet = ledger.openAccount(AccountKind.PLAYER_WALLET, caller.userId(), CURRENCY);
    wallets.put(caller.userId(), wallet.id());
    return wallet.id();
  }

  private void run(
      String requestId,
      String key,
      Caller caller,
      PlaceBet bet,
      BetPlacement placement,
      Ledger ledger) {
    try {
      long wallet = wallet(caller, ledger);
      PlaceBet staked =
          bet.toBuilder()
              // One caller's key can never answer for, or collide with, another caller's bet.
              .setRequestId(caller.userId() + "/" + key)
              .setAccountId(Long.toString(wallet))
              .setCurrency(bet.getCurrency().isEmpty() ? CURRENCY : bet.getCurrency())
              .build();
      BetResult result = placement.place(staked).join().toBuilder().setRequestId(key).build();
      outbox.send(
          outbox
              .format()
              .encode(
                  ServerMessage.newBuilder().setRequestId(requestId).setBetResult(result).build()));
      AccountTopics.publish(hub.services().bus(), caller.userId(), result);
      hub.wallets().mark(caller.userId(), wallet);
    } catch (RuntimeException e) {
      log.error("bet {} of {} failed", key, caller.userId(), e);
      outbox.send(
          outbox
              .format()
              .encode(
                  ServerMessage.newBuilder()
                      .setRequestId(requestId)
                      .setError(
                          RequestError.newBuilder()
                              .setCode(RequestErrorCode.REQUEST_ERROR_CODE_INVALID_REQUEST)
                              .setMessage("the bet could not be placed; try again"))
                      .build()));
    }
  }
}
