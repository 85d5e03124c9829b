package dev.slipstream.media.srtp;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.utils.logging2.Logger;
import org.jitsi.utils.logging2.LoggerImpl;

/**
 * {@link SrtpSession} over jitsi-srtp.
 *
 * <p>Design: jitsi-srtp keeps one crypto context per SSRC and direction (the rollover counter,
 * replay window and derived session keys live there), made by a context factory holding one
 * direction's master key. This class holds a sending and a receiving factory and four maps of
 * contexts (RTP/RTCP × out/in) that fill on first use of an SSRC.
 *
 * <p>Threading: the maps are concurrent and jitsi's transform methods are {@code synchronized} on
 * their context, so any thread may call in; what matters is order, which is why the interface asks
 * for one receive thread and one sender thread per connection. A receiving context for a new SSRC
 * is kept only once a packet has authenticated with it, so forged packets with random SSRCs cost a
 * key derivation each but cannot fill the maps; the {@link SrtpSession#MAX_STREAMS_PER_DIRECTION}
 * cap bounds the rest.
 */
final class JitsiSrtpSession implements SrtpSession {
  private static final Logger JITSI_LOGGER =
      new LoggerImpl(JitsiSrtpSession.class.getName(), Level.WARNING);

  private final SrtpProfile profile;
  private final SrtpContextFactory sending;
  private final SrtpContextFactory receiving;
  private final Map<Integer, SrtpCryptoContext> rtpOut = new ConcurrentHashMap<>();
  private final Map<Integer, SrtpCryptoContext> rtpIn = new ConcurrentHashMap<>();
  private final Map<Integer, SrtcpCryptoContext> rtcpOut = new ConcurrentHashMap<>();
  private final Map<Integer, SrtcpCryptoContext> rtcpIn = new ConcurrentHashMap<>();
  private final LongAdder rtpProtected = new LongAdder();
  private final LongAdder rtpUnprotected = new LongAdder();
  private final LongAdder rtcpProtected = new LongAdder();
  private final LongAdder rtcpUnprotected = new LongAdder();
  private final LongAdder[] failures = new LongAdder[SrtpFailure.values().length];
  private final Derive<SrtpCryptoContext> deriveRtpOut;
  private final Derive<SrtpCryptoContext> deriveRtpIn;
  private final Derive<SrtcpCryptoContext> deriveRtcpOut;
  private final Derive<SrtcpCryptoContext> deriveRtcpIn;
  private volatile boolean closed;

  private JitsiSrtpSession(
      SrtpProfile profile, SrtpContextFactory sending, SrtpContextFactory receiving) {
    this.profile = profile;
    this.sending = sending;
    this.receiving = receiving;
    // Held in fields so the packet path does not allocate a capturing lambda per call.
    this.deriveRtpOut = ssrc -> sending.deriveContext(ssrc, 0);
    this.deriveRtpIn = ssrc -> receiving.deriveContext(ssrc, 0);
    this.deriveRtcpOut = sending::deriveControlContext;
    this.deriveRtcpIn = receiving::deriveControlContext;
    for (int i = 0; i < failures.length; i++) {
      failures[i] = new LongAdder();
    }
  }

  static JitsiSrtpSession create(SrtpKeyMaterial keys, DtlsRole ourRole) {
    boolean server = ourRole == DtlsRole.SERVER;
    byte[] ourKey = server ? keys.serverMasterKey() : keys.clientMasterKey();
    byte[] ourSalt = server ? keys.serverMasterSalt() : keys.clientMasterSalt();
    byte[] theirKey = server ? keys.clientMasterKey() : keys.serverMasterKey();
    byte[] theirSalt = server ? keys.clientMasterSalt() : keys.serverMasterSalt();
    try {
      SrtpProfile p = keys.profile();
      return new JitsiSrtpSession(
          p,
          new SrtpContextFactory(true, ourKey, ourSalt, policy(p), policy(p), JITSI_LOGGER),
          new SrtpContextFactory(false, theirKey, theirSalt, policy(p), policy(p), JITSI_LOGGER));
    } finally {
      Arrays.fill(ourKey, (byte) 0);
      Arrays.fill(ourSalt, (byte) 0);
      Arrays.fill(theirKey, (byte) 0);
      Arrays.fill(theirSalt, (byte) 0);
    }
  }

  private static SrtpPolicy policy(SrtpProfile profile) {
    return switch (profile) {
      case AEAD_AES_128_GCM ->
          new SrtpPolicy(
              SrtpPolicy.AESGCM_ENCRYPTION,
              profile.masterKeyLength(),
              SrtpPolicy.NULL_AUTHENTICATION,
              0,
              profile.tagLength(),
              profile.masterSaltLength());
      case AES128_CM_HMAC_SHA1_80 ->
          new SrtpPolicy(
              SrtpPolicy.AESCM_ENCRYPTION,
              profile.masterKeyLength(),
              SrtpPolicy.HMACSHA1_AUTHENTICATION,
              20,
              profile.tagLength(),
              profile.masterSaltLength());
    };
  }

  @Override
  public SrtpProfile profile() {
    return profile;
  }

  @Override
  public int protectRtp(byte[] packet, int offset, int length) {
    if (closed) {
      return fail(SrtpFailure.CLOSED.code());
    }
    int header = PacketLayout.rtpHeaderLength(packet, offset, length);
    if (header < 0) {
      return fail(header);
    }
    if (packet.length - offset - length < profile.rtpOverhead()) {
      return fail(SrtpFailure.BUFFER_TOO_SMALL.code());
    }
    return transform(
        rtpOut,
        PacketLayout.rtpSsrc(packet, offset),
        new PacketBuffer(packet, offset, length),
        deriveRtpOut,
        SrtpCryptoContext::transformPacket,
        false,
        rtpProtected);
  }

  @Override
  public int unprotectRtp(byte[] packet, int offset, int length) {
    if (closed) {
      return fail(SrtpFailure.CLOSED.code());
    }
    int header = PacketLayout.rtpHeaderLength(packet, offset, length);
    if (header < 0) {
      return fail(header);
    }
    if (length - header < profile.rtpOverhead()) {
      return fail(SrtpFailure.TOO_SHORT.code());
    }
    return transform(
        rtpIn,
        PacketLayout.rtpSsrc(packet, offset),
        new PacketBuffer(packet, offset, length),
        deriveRtpIn,
        (context, buffer) -> context.reverseTransformPacket(buffer, false),
        true,
        rtpUnprotected);
  }

  @Override
  public int protectRtcp(byte[] packet, int offset, int length) {
    if (closed) {
      return fail(SrtpFailure.CLOSED.code());
    }
    int check = PacketLayout.checkRtcp(packet, offset, length);
    if (check < 0) {
      return fail(check);
    }
    if (packet.length - offset - length < profile.rtcpOverhead()) {
      return fail(SrtpFailure.BUFFER_TOO_SMALL.code());
    }
    return transform(
        rtcpOut,
        PacketLayout.rtcpSsrc(packet, offset),
        new PacketBuffer(packet, offset, length),
        deriveRtcpOut,
        SrtcpCryptoContext::transformPacket,
        false,
        rtcpProtected);
  }

  @Override
  public int unprotectRtcp(byte[] packet, int offset, int length) {
    if (closed) {
      return fail(SrtpFailure.CLOSED.code());
    }
    int check = PacketLayout.checkRtcp(packet, offset, length);
    if (check < 0) {
      return fail(check);
    }
    if (length - PacketLayout.RTCP_FIXED_HEADER < profile.rtcpOverhead()) {
      return fail(SrtpFailure.TOO_SHORT.code());
    }
    return transform(
        rtcpIn,
        PacketLayout.rtcpSsrc(packet, offset),
        new PacketBuffer(packet, offset, length),
        deriveRtcpIn,
        SrtcpCryptoContext::reverseTransformPacket,
        true,
        rtcpUnprotected);
  }

  /**
   * Runs one jitsi transform with the SSRC's context, deriving the context on first use.
   *
   * @param keepOnlyIfAccepted for the receive side: store a new context only once a packet has
   *     authenticated with it
   */
  private <C> int transform(
      Map<Integer, C> contexts,
      int ssrc,
      PacketBuffer buffer,
      Derive<C> derive,
      Transform<C> transform,
      boolean keepOnlyIfAccepted,
      LongAdder done) {
    try {
      C context = contexts.get(ssrc);
      boolean fresh = context == null;
      if (fresh) {
        if (contexts.size() >= MAX_STREAMS_PER_DIRECTION) {
          return fail(SrtpFailure.TOO_MANY_STREAMS.code());
        }
        context = derive.context(ssrc);
        if (!keepOnlyIfAccepted) {
          C raced = contexts.putIfAbsent(ssrc, context);
          context = raced != null ? raced : context;
        }
      }
      int status = code(transform.apply(context, buffer));
      if (status < 0) {
        return fail(status);
      }
      if (fresh && keepOnlyIfAccepted) {
        contexts.putIfAbsent(ssrc, context);
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      return fail(SrtpFailure.CRYPTO_ERROR.code());
    }
    done.increment();
    return buffer.getLength();
  }

  @FunctionalInterface
  private interface Derive<C> {
    C context(int ssrc) throws GeneralSecurityException;
  }

  @FunctionalInterface
  private interface Transform<C> {
    SrtpErrorStatus apply(C context, PacketBuffer buffer) throws GeneralSecurityException;
  }

  @Override
  public SrtpStats stats() {
    EnumMap<SrtpFailure, Long> counts = new EnumMap<>(SrtpFailure.class);
    for (SrtpFailure f : SrtpFailure.values()) {
      counts.put(f, failures[f.ordinal()].sum());
    }
    return new SrtpStats(
        rtpProtected.sum(),
        rtpUnprotected.sum(),
        rtcpProtected.sum(),
        rtcpUnprotected.sum(),
        counts);
  }

  @Override
  public void close() {
    closed = true;
    sending.close();
    receiving.close();
    rtpOut.clear();
    rtpIn.clear();
    rtcpOut.clear();
    rtcpIn.clear();
  }

  private int fail(int code) {
    SrtpFailure failure = SrtpFailure.fromResult(code);
    failures[failure.ordinal()].increment();
    return code;
  }

  private static int code(SrtpErrorStatus status) {
    return switch (status) {
      case OK -> 0;
      case AUTH_FAIL -> SrtpFailure.AUTH_FAILED.code();
      case REPLAY_FAIL -> SrtpFailure.REPLAYED.code();
      case REPLAY_OLD -> SrtpFailure.TOO_OLD.code();
      case INVALID_PACKET -> SrtpFailure.TOO_SHORT.code();
      case FAIL -> SrtpFailure.CRYPTO_ERROR.code();
    };
  }
}
