package dev.slipstream.ledger.fraud;

import java.time.Instant;

/**
 * A raised fraud flag.
 *
 * @param id the flag's id, growing with time
 * @param rule what matched
 * @param subject the account it is about (a user id, as wallets are owned)
 * @param evidence what the rule saw, as a JSON object (counts, limits, ids, the shared accounts)
 * @param raisedAt when it was raised
 */
public record FraudFlag(
    long id, FraudRule rule, String subject, String evidence, Instant raisedAt) {}
