package dev.slipstream.media.srtp;

/**
 * Protects what one peer connection sends and checks what it receives (SRTP and SRTCP, RFC 3711 and
 * RFC 7714), with keys from DTLS-SRTP.
 *
 * <p>Every method works in place on {@code packet[offset, offset + length)} and returns the new
 * length, or a negative {@link SrtpFailure#code()}; none throws for a bad packet. Protecting writes
 * the tag (and for RTCP the SRTCP index) after the packet, so the array must have {@link
 * SrtpProfile#rtpOverhead()} or {@link SrtpProfile#rtcpOverhead()} spare bytes there.
 *
 * <p>Threading: any thread may call any method; each SSRC's state is guarded by its own lock.
 * Replay protection assumes packets of one SSRC are unprotected in arrival order, so call the
 * unprotect methods from the connection's one receive thread, and the protect methods from one
 * sender thread per connection (or at least one per SSRC) so sequence numbers go out in order.
 */
public interface SrtpSession extends AutoCloseable {

  /** The most SSRCs a session tracks in each direction; more are refused as a likely attack. */
  int MAX_STREAMS_PER_DIRECTION = 256;

  /**
   * Creates a session from the keys DTLS negotiated.
   *
   * @param keys both directions' master keys and salts
   * @param ourRole our end of the DTLS handshake: {@link DtlsRole#SERVER} for most peers, {@link
   *     DtlsRole#CLIENT} for one whose offer said {@code a=setup:passive}
   * @return a session with no streams yet; each new SSRC gets its own context on first use
   */
  static SrtpSession create(SrtpKeyMaterial keys, DtlsRole ourRole) {
    return JitsiSrtpSession.create(keys, ourRole);
  }

  /** Returns the protection profile in use. */
  SrtpProfile profile();

  /**
   * Encrypts and authenticates an RTP packet.
   *
   * @return the SRTP packet's length, or a negative {@link SrtpFailure#code()}
   */
  int protectRtp(byte[] packet, int offset, int length);

  /**
   * Authenticates, checks for replay and decrypts an SRTP packet.
   *
   * @return the RTP packet's length, or a negative {@link SrtpFailure#code()}
   */
  int unprotectRtp(byte[] packet, int offset, int length);

  /**
   * Encrypts and authenticates an RTCP compound packet.
   *
   * @return the SRTCP packet's length, or a negative {@link SrtpFailure#code()}
   */
  int protectRtcp(byte[] packet, int offset, int length);

  /**
   * Authenticates, checks for replay and decrypts an SRTCP packet.
   *
   * @return the RTCP packet's length, or a negative {@link SrtpFailure#code()}
   */
  int unprotectRtcp(byte[] packet, int offset, int length);

  /** Returns what this session has done so far. */
  SrtpStats stats();

  /** Erases the keys; later calls return {@link SrtpFailure#CLOSED}. */
  @Override
  void close();
}
