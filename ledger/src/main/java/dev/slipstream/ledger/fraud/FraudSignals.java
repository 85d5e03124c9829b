package dev.slipstream.ledger.fraud;

import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Fraud signals kept in the ledger's schema: sightings of devices and addresses, and flags raised
 * by the {@link FraudRule}s with the evidence that raised them. A rule that keeps matching raises
 * one flag per occasion (an hour of deposits, a minute of bets, a shared device or address, a
 * chargeback), never a flood.
 */
public interface FraudSignals {

  /** Returns the signals in {@code dataSource}'s ledger schema (migrated by the ledger). */
  static FraudSignals postgres(DataSource dataSource, InstantSource clock, FraudRules rules) {
    return new PostgresFraudSignals(dataSource, clock, rules);
  }

  /**
   * Records that {@code subject} was seen on a device and from an address (opaque keyed
   * fingerprints, never the raw values); nothing is recorded when both are null.
   *
   * @throws dev.slipstream.platform.InvalidInputException {@code invalid_fingerprint} for a
   *     fingerprint that is empty or over 128 characters
   */
  void recordSighting(
      String subject, SightingEvent event, @Nullable String deviceRef, @Nullable String addressRef);

  /**
   * Runs every rule for {@code subject} (the sharing rules for everyone who shares with them) and
   * returns the flags raised now.
   */
  List<FraudFlag> check(String subject);

  /** Runs every rule for every account and returns the flags raised now. */
  List<FraudFlag> scan();

  /**
   * Returns up to {@code limit} flags, newest first, after {@code cursor}.
   *
   * @throws dev.slipstream.platform.InvalidInputException {@code invalid_cursor} or {@code
   *     invalid_limit} (1 to 200)
   */
  FlagPage flags(Optional<String> cursor, int limit);

  /** Returns the flags about {@code subject}, oldest first. */
  List<FraudFlag> flagsAbout(String subject);

  /** Returns the sightings of {@code subject}, oldest first, for the subject's data export. */
  List<Sighting> sightings(String subject);

  /** Deletes {@code subject}'s sightings (when they erase their account) and says how many. */
  int forget(String subject);
}
