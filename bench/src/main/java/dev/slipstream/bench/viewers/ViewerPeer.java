package dev.slipstream.bench.viewers;

import dev.slipstream.media.rtp.Rtcp;
import dev.slipstream.media.srtp.DtlsRole;
import dev.slipstream.media.srtp.SrtpKeyMaterial;
import dev.slipstream.media.srtp.SrtpSession;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * One WHEP viewer after its offer was answered: its connected UDP socket, ICE checks, DTLS
 * handshake hand-off, SRTP decryption and per-SSRC reception figures, and its receiver reports.
 *
 * <p>Threading: everything here runs on the {@link ReceiveLoop} that owns the viewer, except the
 * blocking DTLS handshake, which {@link Handshakes} runs on another thread and whose outcome comes
 * back through the loop. So no field needs a lock.
 */
final class ViewerPeer {
  /** Where a viewer is in its life. */
  enum Phase {
    CHECKING,
    HANDSHAKING,
    CONNECTED,
    RECEIVING,
    FAILED
  }

  private static final long MS = 1_000_000L;
  private static final long ICE_GIVE_UP = 15_000 * MS;
  private static final long CONSENT_EVERY = 5_000 * MS;
  private static final long REPORT_EVERY = 1_000 * MS;
  private static final long MEDIA_GIVE_UP = 10_000 * MS;

  private final int index;
  private final URI session;
  private final DatagramChannel channel;
  private final WhepAnswer answer;
  private final IceChecks ice;
  private final DtlsChannel dtls;
  private final Consumer<ViewerPeer> startHandshake;
  private final long postedAt;
  private final long reportSsrc;
  private final List<SsrcReception> sources = new ArrayList<>(2);
  private Phase phase = Phase.CHECKING;
  private @Nullable String failure;
  private @Nullable SrtpSession srtp;
  private long checkingSince;
  private long nextCheckAt;
  private long checkInterval = 50 * MS;
  private int checksSent;
  private long nextConsentAt;
  private long nextReportAt;
  private long iceDoneAt = -1;
  private long keysAt = -1;
  private long firstMediaAt = -1;
  private long lastPacketAt = -1;
  private long srtpFailures;
  private long beforeKeys;

  ViewerPeer(
      int index,
      URI session,
      DatagramChannel channel,
      WhepAnswer answer,
      String viewerUfrag,
      RandomGenerator random,
      long postedAt,
      Consumer<ViewerPeer> startHandshake) {
    this.index = index;
    this.session = session;
    this.channel = channel;
    this.answer = answer;
    this.ice = new IceChecks(answer.iceUfrag(), answer.icePwd(), viewerUfrag, random);
    this.dtls = new DtlsChannel(channel);
    this.startHandshake = startHandshake;
    this.postedAt = postedAt;
    this.reportSsrc = random.nextLong(1, 1L << 32);
  }

  DatagramChannel channel() {
    return channel;
  }

  URI session() {
    return session;
  }

  WhepAnswer answer() {
    return answer;
  }

  DtlsChannel dtls() {
    return dtls;
  }

  /** Sends the first nominating check; called once the loop has registered the socket. */
  void start(long now) {
    checkingSince = now;
    sendCheck(now, true);
  }

  /** Handles one datagram from the server; {@code data} is the loop's and is reused after. */
  void onDatagram(byte[] data, int length, long now) {
    int first = data[0] & 0xFF;
    if (first <= 3) {
      if (ice.isSuccess(data, length) && phase == Phase.CHECKING) {
        phase = Phase.HANDSHAKING;
        iceDoneAt = now;
        nextConsentAt = now + CONSENT_EVERY + (index % 50) * 20 * MS;
        startHandshake.accept(this);
      }
    } else if (first >= 20 && first <= 63) {
      if (phase == Phase.HANDSHAKING) {
        dtls.offer(data, length);
      }
    } else if (first >= 128 && first <= 191) {
      onSrtp(data, length, now);
    }
  }

  private void onSrtp(byte[] data, int length, long now) {
    SrtpSession keys = srtp;
    if (keys == null) {
      beforeKeys++;
      return;
    }
    if (Rtcp.isRtcp(data, 0, length)) {
      if (keys.unprotectRtcp(data, 0, length) < 0) {
        srtpFailures++;
      }
      return;
    }
    int plain = keys.unprotectRtp(data, 0, length);
    if (plain < 0) {
      srtpFailures++;
      return;
    }
    int sequence = ((data[2] & 0xFF) << 8) | (data[3] & 0xFF);
    long ssrc =
        ((data[8] & 0xFFL) << 24)
            | ((data[9] & 0xFF) << 16)
            | ((data[10] & 0xFF) << 8)
            | (data[11] & 0xFF);
    source(ssrc).onPacket(sequence, plain);
    lastPacketAt = now;
    if (firstMediaAt < 0) {
      firstMediaAt = now;
      phase = Phase.RECEIVING;
      nextReportAt = now + REPORT_EVERY;
    }
  }

  private SsrcReception source(long ssrc) {
    for (SsrcReception s : sources) {
      if (s.ssrc() == ssrc) {
        return s;
      }
    }
    SsrcReception added = new SsrcReception(ssrc);
    sources.add(added);
    return added;
  }

  /** The handshake finished: from now on media decrypts. */
  void onKeys(SrtpKeyMaterial keys, long now) {
    if (phase == Phase.HANDSHAKING) {
      srtp = SrtpSession.create(keys, DtlsRole.CLIENT);
      keysAt = now;
      phase = Phase.CONNECTED;
    }
  }

  /** Marks the viewer failed with a one-line reason; it stays counted. */
  void fail(String reason) {
    if (phase != Phase.FAILED) {
      phase = Phase.FAILED;
      failure = reason;
    }
  }

  /** Retransmits checks, sends consent checks and receiver reports when due. */
  void tick(long now) {
    switch (phase) {
      case CHECKING -> {
        if (now - checkingSince > ICE_GIVE_UP) {
          fail("ICE: no answer to " + checksSent + " Binding requests to " + answer.candidate());
        } else if (now >= nextCheckAt) {
          sendCheck(now, true);
        }
      }
      case HANDSHAKING, CONNECTED, RECEIVING -> {
        if (now >= nextConsentAt) {
          sendCheck(now, false);
          nextConsentAt = now + CONSENT_EVERY;
        }
        if (phase == Phase.CONNECTED && now - keysAt > MEDIA_GIVE_UP) {
          fail("no media in " + MEDIA_GIVE_UP / 1_000_000_000L + " s after the DTLS handshake");
        } else if (phase == Phase.RECEIVING && now >= nextReportAt) {
          sendReport();
          nextReportAt = now + REPORT_EVERY;
        }
      }
      case FAILED -> {}
    }
  }

  private void sendCheck(long now, boolean nominate) {
    send(ice.request(nominate));
    checksSent++;
    nextCheckAt = now + checkInterval;
    checkInterval = Math.min(checkInterval * 2, 1_600 * MS);
  }

  private void sendReport() {
    SrtpSession keys = srtp;
    if (keys != null && !sources.isEmpty()) {
      send(ReceiverReports.protect(keys, reportSsrc, sources));
    }
  }

  private void send(byte[] datagram) {
    if (datagram.length == 0) {
      return;
    }
    try {
      channel.write(ByteBuffer.wrap(datagram));
    } catch (IOException e) {
      fail("socket: " + e.getMessage());
    }
  }

  /** Returns this viewer's figures so far. */
  ViewerFigures figures(long now) {
    long expected = 0;
    long received = 0;
    long bytes = 0;
    for (SsrcReception s : sources) {
      expected += s.expected();
      received += s.received();
      bytes += s.bytes();
    }
    return new ViewerFigures(
        index,
        phase,
        failure,
        expected,
        received,
        bytes,
        srtpFailures,
        beforeKeys,
        lastPacketAt < 0 ? -1 : now - lastPacketAt,
        firstMediaAt < 0 ? -1 : firstMediaAt - postedAt,
        iceDoneAt < 0 ? -1 : iceDoneAt - postedAt,
        keysAt < 0 || iceDoneAt < 0 ? -1 : keysAt - iceDoneAt);
  }
}
