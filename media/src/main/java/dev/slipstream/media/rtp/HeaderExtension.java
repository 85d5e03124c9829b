package dev.slipstream.media.rtp;

/**
 * Where one RFC 8285 header extension element's value lies in its packet's buffer.
 *
 * @param id the element's id, 1 to 14 in the one-byte form, 1 to 255 in the two-byte form
 * @param offset index of the first value byte in {@link RtpPacket#buffer()}
 * @param length number of value bytes (the two-byte form allows 0)
 */
public record HeaderExtension(int id, int offset, int length) {}
