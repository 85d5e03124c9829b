/**
 * ICE-lite for the SFU: a plain-Java STUN codec (RFC 8489, checked against the RFC 5769 test
 * vectors) and {@link dev.slipstream.media.ice.IceLiteResponder}, which answers the connectivity
 * checks of one browser session (RFC 8445 lite implementation, short-term credentials) and
 * remembers when consent was last confirmed (RFC 7675).
 *
 * <p>The socket side (one UDP port and one TCP port shared by every session) is in {@code
 * dev.slipstream.media.transport}.
 */
@NullMarked
package dev.slipstream.media.ice;

import org.jspecify.annotations.NullMarked;
