package dev.slipstream.server.config;

import java.util.Locale;

/** A part of Slipstream a process can run; several processes split the roles between them. */
public enum Role {
  /** Ingest, SFU, WHEP and LL-HLS. */
  MEDIA,
  /** The analytics pipeline. */
  VISION,
  /** Market generation, pricing, bet sequencing and settlement. */
  MARKETS,
  /** Wallets, payments and the double-entry ledger. */
  LEDGER,
  /** The HTTP front door and the web app. */
  GATEWAY;

  /** Returns the lower-case name used in settings and the API. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
