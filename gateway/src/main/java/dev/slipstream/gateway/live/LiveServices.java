package dev.slipstream.gateway.live;

import dev.slipstream.ledger.Ledger;
import dev.slipstream.platform.bus.EventBus;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What the live socket needs from the rest of Slipstream, handed over by the composition root.
 *
 * @param bus the bus whose topics the socket's subscriptions follow
 * @param streamExists says whether a stream id names a stream, so subscribing to an unknown one is
 *     refused with {@code NOT_FOUND}
 * @param bets where bets go; null when this process takes no bets
 * @param ledger the wallets bets are staked from and {@code GET /api/wallet} reads; null when this
 *     process has no ledger
 * @param settings heartbeats, queue bound and rate limits
 */
public record LiveServices(
    EventBus bus,
    Predicate<String> streamExists,
    @Nullable BetPlacement bets,
    @Nullable Ledger ledger,
    LiveSettings settings) {
  /** Checks the required parts. */
  public LiveServices {
    Objects.requireNonNull(bus, "bus");
    Objects.requireNonNull(streamExists, "streamExists");
    Objects.requireNonNull(settings, "settings");
  }
}
