package dev.slipstream.markets.service;

/**
 * A bet asked for over REST.
 *
 * @param marketId the market
 * @param selectionId the selection backed
 * @param stakeMinor the stake in minor units
 * @param currency the stake's currency
 * @param decimalOddsBp the odds the bettor saw, basis points
 * @param priceVersion the price version the bettor saw
 * @param acceptBetterOdds whether a newer, no worse price may be taken instead
 * @param mediaTimeUs the bettor's playback media time (0 when not known)
 */
public record BetRequest(
    String marketId,
    String selectionId,
    long stakeMinor,
    String currency,
    int decimalOddsBp,
    long priceVersion,
    boolean acceptBetterOdds,
    long mediaTimeUs) {

  /** A digest of the request, to tell a retry from a different request under the same key. */
  String fingerprint() {
    String canonical =
        String.join(
            "\u0000",
            marketId,
            selectionId,
            Long.toString(stakeMinor),
            currency,
            Integer.toString(decimalOddsBp),
            Long.toString(priceVersion),
            Boolean.toString(acceptBetterOdds),
            Long.toString(mediaTimeUs));
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
