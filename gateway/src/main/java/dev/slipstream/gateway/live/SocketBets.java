package dev.slipstream.gateway.live;

import dev.slipstream.gateway.auth.Caller;
import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.AccountKind;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.PlaceBet;
import dev.slipstream.wire.v1.RequestErrorCode;
import dev.slipstream.wire.v1.ServerMessage;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bets placed over a socket: the gateway stakes them from the caller's own wallet (whatever account
 * the client named), scopes the idempotency key to the caller, and sends them to the {@link
 * BetPlacement} port. Nothing waits for a bet: the thread that completes it (the shard's journal,
 * once the bet is durable) answers {@code ServerMessage{request_id, bet_result}} with a
 * non-blocking write, and hands the result to the hub's {@link AccountFeedPublisher}, which appends
 * it to the caller's account topic, then the wallet as it stands after the bet.
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

  /** Checks the request and hands the bet on; its answer is sent when its result comes. */
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
    Long wallet = wallets.get(caller.userId());
    if (wallet != null) {
      submit(requestId, key, caller, bet, placement, wallet);
    } else {
      // The socket's first bet opens the wallet, a database round trip: off the reading thread.
      Thread.startVirtualThread(
          () -> {
            try {
              submit(requestId, key, caller, bet, placement, wallet(caller, ledger));
            } catch (RuntimeException e) {
              failed(requestId, key, caller, e);
            }
          });
    }
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

  /**
   * Hands the bet to the placement and answers when its result comes, on the thread that completes
   * it: a bet costs no thread of its own, and nothing waits for it.
   */
  private void submit(
      String requestId,
      String key,
      Caller caller,
      PlaceBet bet,
      BetPlacement placement,
      long wallet) {
    PlaceBet staked =
        bet.toBuilder()
            // One caller's key can never answer for, or collide with, another caller's bet.
            .setRequestId(caller.userId() + "/" + key)
            .setAccountId(Long.toString(wallet))
            .setCurrency(bet.getCurrency().isEmpty() ? CURRENCY : bet.getCurrency())
            .build();
    CompletableFuture<BetResult> placed;
    try {
      placed = placement.place(staked);
    } catch (RuntimeException e) {
      failed(requestId, key, caller, e);
      return;
    }
    placed.whenComplete(
        (result, failure) -> {
          if (failure != null) {
            failed(requestId, key, caller, failure);
            return;
          }
          try {
            answered(requestId, key, caller, wallet, result);
          } catch (RuntimeException e) {
            failed(requestId, key, caller, e);
          }
        });
  }

  private void answered(
      String requestId, String key, Caller caller, long wallet, BetResult placed) {
    BetResult result = placed.toBuilder().setRequestId(key).build();
    outbox.send(
        outbox
            .format()
            .encode(
                ServerMessage.newBuilder().setRequestId(requestId).setBetResult(result).build()));
    hub.accountFeeds().betAnswered(caller.userId(), wallet, result);
  }

  private void failed(String requestId, String key, Caller caller, Throwable failure) {
    log.error("bet {} of {} failed", key, caller.userId(), failure);
    outbox.sendError(
        requestId,
        RequestErrorCode.REQUEST_ERROR_CODE_INVALID_REQUEST,
        "the bet could not be placed; try again");
  }
}
