package dev.slipstream.ledger;

import java.util.concurrent.CompletableFuture;

/** One request waiting for the writer, with the future its caller waits on. */
sealed interface Command {

  /** Fails the caller's future: the request's fate is unknown. */
  void fail(Throwable cause);

  /** Move money now. */
  record Move(TransferRequest request, CompletableFuture<Outcome<Transfer>> result)
      implements Command {
    @Override
    public void fail(Throwable cause) {
      result.completeExceptionally(cause);
    }
  }

  /** Reserve money on a debit account. */
  record Reserve(HoldRequest request, CompletableFuture<Outcome<Hold>> result) implements Command {
    @Override
    public void fail(Throwable cause) {
      result.completeExceptionally(cause);
    }
  }

  /** Complete a pending hold with a transfer. */
  record Post(PostRequest request, CompletableFuture<Outcome<Transfer>> result) implements Command {
    @Override
    public void fail(Throwable cause) {
      result.completeExceptionally(cause);
    }
  }

  /**
   * Release a pending hold without moving money: voided on request or expired by the sweeper.
   *
   * @param target {@link HoldState#VOIDED} or {@link HoldState#EXPIRED}
   */
  record Release(long holdId, HoldState target, CompletableFuture<Outcome<Hold>> result)
      implements Command {
    @Override
    public void fail(Throwable cause) {
      result.completeExceptionally(cause);
    }
  }
}
