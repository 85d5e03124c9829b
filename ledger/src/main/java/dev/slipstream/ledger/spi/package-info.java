/** Ports the ledger needs other modules to implement. */
@NullMarked
package dev.slipstream.ledger.spi;

import org.jspecify.annotations.NullMarked;
