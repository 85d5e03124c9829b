package dev.slipstream.ledger;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Waits for a writer's answer, rethrowing its failure as itself rather than wrapped. */
final class Futures {
  private Futures() {}

  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LedgerUnavailableException(
          "interrupted while waiting for the ledger; the request may still commit", e);
    } catch (ExecutionException | CompletionException | CancellationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new LedgerUnavailableException("ledger request failed: " + cause.getMessage(), cause);
    }
  }
}
