package dev.slipstream.ledger;

/** One way the books failed to add up, as reconciliation found it. */
public sealed interface Discrepancy {

  /** Returns one sentence saying what is wrong, with the figures. */
  String describe();

  /**
   * The balances of one currency do not sum to zero: money was created or destroyed.
   *
   * @param currency the currency
   * @param sum the sum of every account's balance in minor units
   */
  record CurrencyImbalance(String currency, long sum) implements Discrepancy {
    @Override
    public String describe() {
      return "balances in " + currency + " sum to " + sum + " instead of 0";
    }
  }

  /**
   * An account's stored balance differs from the sum of its transfers.
   *
   * @param accountId the account
   * @param recorded the balance stored on the account
   * @param fromTransfers credits less debits over all its transfers
   */
  record BalanceMismatch(long accountId, long recorded, long fromTransfers) implements Discrepancy {
    @Override
    public String describe() {
      return "account "
          + accountId
          + " records balance "
          + recorded
          + " but its transfers sum to "
          + fromTransfers;
    }
  }

  /**
   * An account's stored held amount differs from the sum of its pending holds.
   *
   * @param accountId the account
   * @param recorded the held amount stored on the account
   * @param fromOpenHolds the sum of its pending holds
   */
  record HeldMismatch(long accountId, long recorded, long fromOpenHolds) implements Discrepancy {
    @Override
    public String describe() {
      return "account "
          + accountId
          + " records "
          + recorded
          + " held but its pending holds sum to "
          + fromOpenHolds;
    }
  }

  /**
   * A pending hold that no accepted bet owns, as the bet engine reports.
   *
   * @param holdId the hold
   * @param accountId the account whose money it reserves
   * @param amount the amount reserved
   */
  record UnbackedHold(long holdId, long accountId, long amount) implements Discrepancy {
    @Override
    public String describe() {
      return "hold "
          + holdId
          + " reserves "
          + amount
          + " on account "
          + accountId
          + " but no accepted bet owns it";
    }
  }

  /**
   * A hold and the transfers that claim to post it disagree: a posted hold without its transfer, a
   * transfer posting a hold that is not posted, or a transfer that moved another amount or between
   * other accounts than the hold reserved.
   *
   * @param holdId the hold
   * @param transferId the transfer naming it, or 0 when there is none
   */
  record HoldPostingMismatch(long holdId, long transferId) implements Discrepancy {
    @Override
    public String describe() {
      return transferId == 0
          ? "hold " + holdId + " is posted but no transfer posts it"
          : "transfer " + transferId + " does not match the posting of hold " + holdId;
    }
  }
}
