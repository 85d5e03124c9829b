package dev.slipstream.bench.viewers;

import dev.slipstream.media.dtls.CertificateFingerprint;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a viewer needs from the server's WHEP answer: its ICE credentials, its DTLS fingerprint, the
 * UDP candidate to connect to, and the SSRCs it will send.
 *
 * @param iceUfrag the server's ICE user fragment
 * @param icePwd the server's ICE password, the MESSAGE-INTEGRITY key of our checks
 * @param fingerprint the certificate the server must present in DTLS
 * @param candidate the server's best IPv4 UDP host candidate
 * @param ssrcs the SSRCs the server declares, one per accepted section
 */
record WhepAnswer(
    String iceUfrag,
    String icePwd,
    CertificateFingerprint fingerprint,
    InetSocketAddress candidate,
    List<Long> ssrcs) {

  private record UdpCandidate(long priority, InetSocketAddress address) {}

  /**
   * Reads an answer.
   *
   * @throws IllegalArgumentException naming what the answer lacks
   */
  static WhepAnswer parse(String sdp) {
    String ufrag = null;
    String pwd = null;
    String fingerprint = null;
    List<UdpCandidate> candidates = new ArrayList<>();
    List<Long> ssrcs = new ArrayList<>();
    for (String raw : sdp.split("\r?\n")) {
      String line = raw.strip();
      if (line.startsWith("a=ice-ufrag:") && ufrag == null) {
        ufrag = line.substring("a=ice-ufrag:".length());
      } else if (line.startsWith("a=ice-pwd:") && pwd == null) {
        pwd = line.substring("a=ice-pwd:".length());
      } else if (line.startsWith("a=fingerprint:") && fingerprint == null) {
        fingerprint = line.substring("a=fingerprint:".length());
      } else if (line.startsWith("a=candidate:")) {
        candidate(line.substring("a=candidate:".length()), candidates);
      } else if (line.startsWith("a=ssrc:") && line.contains(" cname:")) {
        long ssrc = Long.parseLong(line.substring("a=ssrc:".length(), line.indexOf(' ')));
        if (!ssrcs.contains(ssrc)) {
          ssrcs.add(ssrc);
        }
      }
    }
    if (ufrag == null || pwd == null || fingerprint == null) {
      throw new IllegalArgumentException(
          "the WHEP answer lacks a=ice-ufrag, a=ice-pwd or a=fingerprint");
    }
    UdpCandidate best =
        candidates.stream()
            .max(Comparator.comparingLong(UdpCandidate::priority))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the WHEP answer has no IPv4 UDP candidate; this load test speaks UDP"));
    return new WhepAnswer(
        ufrag, pwd, CertificateFingerprint.parse(fingerprint), best.address(), List.copyOf(ssrcs));
  }

  /** Reads {@code foundation component transport priority address port typ type ...}. */
  private static void candidate(String value, List<UdpCandidate> into) {
    String[] f = value.split("\\s+");
    if (f.length < 8 || !f[2].equalsIgnoreCase("udp") || !f[0].matches("[A-Za-z0-9+/]+")) {
      return;
    }
    // Only IPv4 literals: an mDNS or host name would need a lookup we do not do.
    if (!f[4].matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return;
    }
    try {
      InetAddress address = InetAddress.getByName(f[4]);
      into.add(
          new UdpCandidate(
              Long.parseLong(f[3]), new InetSocketAddress(address, Integer.parseInt(f[5]))));
    } catch (UnknownHostException | NumberFormatException e) {
      // A malformed candidate is one we cannot use.
    }
  }
}
