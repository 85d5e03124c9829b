package dev.slipstream.ledger;

/**
 * What the ledger's writer has done since it started.
 *
 * @param batches transactions committed
 * @param requests requests answered in those transactions, refused ones included
 * @param largestBatch the most requests one transaction held
 * @param retries batches tried again after a transient database error
 */
public record WriterStats(long batches, long requests, long largestBatch, long retries) {

  /** Returns the mean number of requests per committed transaction. */
  public double averageBatch() {
    return batches == 0 ? 0 : (double) requests / batches;
  }
}
