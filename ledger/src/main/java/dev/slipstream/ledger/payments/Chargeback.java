package dev.slipstream.ledger.payments;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A chargeback: the card holder's bank took a deposit back, so the platform took it back from the
 * wallet. {@code recovered + held + shortfall == amount}.
 *
 * @param id the platform's id
 * @param intentId the deposit it reverses
 * @param walletAccountId the wallet it was taken from
 * @param eventId the provider event that reported it
 * @param amount the deposit's amount, in minor units
 * @param recovered moved back to clearing by a transfer
 * @param held reserved on the wallet by a hold (when the wallet could not pay it all)
 * @param shortfall what the wallet could not cover at all
 * @param applied whether the ledger has done its part yet
 * @param transferId the transfer that recovered the money, if any
 * @param holdId the hold on what was available, if any
 * @param createdAt when it was recorded
 */
public record Chargeback(
    long id,
    long intentId,
    long walletAccountId,
    String eventId,
    long amount,
    long recovered,
    long held,
    long shortfall,
    boolean applied,
    @Nullable Long transferId,
    @Nullable Long holdId,
    Instant createdAt) {}
