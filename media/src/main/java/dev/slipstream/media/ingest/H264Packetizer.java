package dev.slipstream.media.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Packetises H.264 access units for RTP (RFC 6184, packetization-mode 1).
 *
 * <p>A unit that fits the payload budget goes alone; a larger one is cut into FU-A fragments. The
 * SPS and PPS travel together in one STAP-A at the front of their access unit, and every IDR gets
 * them even when the encoder or the container left them out (FLV and MP4 keep them out of band):
 * the SFU lets a viewer join at the packet holding the SPS. Access unit delimiters and filler are
 * dropped. The marker bit is set on the last packet of each access unit. Not thread-safe: one
 * packetiser belongs to the thread of its source.
 */
final class H264Packetizer {
  /** The largest RTP payload, so that packets with SRTP and headers stay under common MTUs. */
  static final int MAX_PAYLOAD = 1200;

  private static final int STAP_A = 24;
  private static final int FU_A = 28;
  private static final int FILLER = 12;

  private final RtpHeaderWriter header;
  private final byte[] packet = new byte[RtpHeaderWriter.HEADER_SIZE + MAX_PAYLOAD];
  private byte[] lastSps = new byte[0];
  private byte[] lastPps = new byte[0];

  H264Packetizer(int payloadType, RandomGenerator random) {
    this.header = new RtpHeaderWriter(payloadType, random);
  }

  long ssrc() {
    return header.ssrc();
  }

  /** Remembers parameter sets received out of band, for the IDRs that come without them. */
  void setParameterSets(List<NalUnit> parameterSets) {
    for (NalUnit unit : parameterSets) {
      remember(unit);
    }
  }

  /** Packetises one Annex B access unit taken at {@code mediaTime} (90 kHz units). */
  void packetize(byte[] annexB, int length, long mediaTime, RtpSink sink) {
    packetize(AnnexB.split(annexB, length), mediaTime, sink);
  }

  /** Packetises the NAL units of one access unit taken at {@code mediaTime} (90 kHz units). */
  void packetize(List<NalUnit> accessUnit, long mediaTime, RtpSink sink) {
    List<NalUnit> parameterSets = new ArrayList<>(2);
    List<NalUnit> rest = new ArrayList<>(accessUnit.size());
    boolean idr = false;
    for (NalUnit unit : accessUnit) {
      switch (unit.type()) {
        case NalUnit.SPS, NalUnit.PPS -> {
          remember(unit);
          parameterSets.add(unit);
        }
        case NalUnit.AUD, FILLER -> {}
        default -> {
          idr |= unit.type() == NalUnit.IDR;
          rest.add(unit);
        }
      }
    }
    if (idr && parameterSets.isEmpty() && lastSps.length > 0 && lastPps.length > 0) {
      parameterSets.add(new NalUnit(lastSps, 0, lastSps.length));
      parameterSets.add(new NalUnit(lastPps, 0, lastPps.length));
    }
    if (!parameterSets.isEmpty()) {
      sendParameterSets(parameterSets, rest.isEmpty(), mediaTime, sink);
    }
    for (int i = 0; i < rest.size(); i++) {
      send(rest.get(i), i == rest.size() - 1, mediaTime, sink);
    }
  }

  private void remember(NalUnit unit) {
    if (unit.type() == NalUnit.SPS) {
      lastSps = unit.toBytes();
    } else if (unit.type() == NalUnit.PPS) {
      lastPps = unit.toBytes();
    }
  }

  private void sendParameterSets(List<NalUnit> sets, boolean last, long time, RtpSink sink) {
    int size = 1;
    int highBits = 0;
    for (NalUnit unit : sets) {
      size += 2 + unit.length();
      highBits = Math.max(highBits, unit.headerHighBits() & 0x60);
    }
    if (sets.size() < 2 || size > MAX_PAYLOAD) {
      for (int i = 0; i < sets.size(); i++) {
        send(sets.get(i), last && i == sets.size() - 1, time, sink);
      }
      return;
    }
    header.write(packet, last, time);
    int at = RtpHeaderWriter.HEADER_SIZE;
    packet[at++] = (byte) (highBits | STAP_A);
    for (NalUnit unit : sets) {
      packet[at++] = (byte) (unit.length() >>> 8);
      packet[at++] = (byte) unit.length();
      System.arraycopy(unit.data(), unit.offset(), packet, at, unit.length());
      at += unit.length();
    }
    sink.send(packet, at);
  }

  private void send(NalUnit unit, boolean lastOfAccessUnit, long time, RtpSink sink) {
    if (unit.length() <= MAX_PAYLOAD) {
      header.write(packet, lastOfAccessUnit, time);
      System.arraycopy(
          unit.data(), unit.offset(), packet, RtpHeaderWriter.HEADER_SIZE, unit.length());
      sink.send(packet, RtpHeaderWriter.HEADER_SIZE + unit.length());
      return;
    }
    byte indicator = (byte) (unit.headerHighBits() | FU_A);
    int type = unit.type();
    int from = unit.offset() + 1;
    int end = unit.offset() + unit.length();
    int chunk = MAX_PAYLOAD - 2;
    while (from < end) {
      int size = Math.min(chunk, end - from);
      boolean first = from == unit.offset() + 1;
      boolean lastFragment = from + size == end;
      header.write(packet, lastOfAccessUnit && lastFragment, time);
      int at = RtpHeaderWriter.HEADER_SIZE;
      packet[at] = indicator;
      packet[at + 1] = (byte) ((first ? 0x80 : 0) | (lastFragment ? 0x40 : 0) | type);
      System.arraycopy(unit.data(), from, packet, at + 2, size);
      sink.send(packet, at + 2 + size);
      from += size;
    }
  }
}
