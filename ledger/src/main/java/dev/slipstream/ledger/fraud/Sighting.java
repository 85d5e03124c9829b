package dev.slipstream.ledger.fraud;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One sighting of an account.
 *
 * @param event when it was seen
 * @param deviceRef the device's keyed fingerprint, if it sent a device id
 * @param addressRef the network address's keyed fingerprint
 * @param seenAt when
 */
public record Sighting(
    SightingEvent event, @Nullable String deviceRef, @Nullable String addressRef, Instant seenAt) {}
