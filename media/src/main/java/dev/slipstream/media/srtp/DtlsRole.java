package dev.slipstream.media.srtp;

/**
 * Which end of the DTLS handshake we were; it decides which half of the exported keys protects what
 * we send (RFC 5764 §4.2: the client writes with the client keys).
 */
public enum DtlsRole {
  /**
   * We sent the ClientHello (the SFU's role for a peer that offers {@code a=setup:passive}, such as
   * FFmpeg's whip muxer): we protect with the client keys and check with the server keys.
   */
  CLIENT,
  /**
   * We answered the ClientHello (the SFU's usual role, answering {@code a=setup:passive}): we
   * protect with the server keys.
   */
  SERVER
}
