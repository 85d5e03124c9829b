/**
 * Decoding helpers for the Slipstream wire protocol.
 *
 * <p>The messages themselves are generated from {@code src/main/proto/slipstream/v1} into {@code
 * dev.slipstream.wire.v1}; this package adds what every receiver of untrusted bytes needs on top of
 * them.
 */
@NullMarked
package dev.slipstream.wire;

import org.jspecify.annotations.NullMarked;
