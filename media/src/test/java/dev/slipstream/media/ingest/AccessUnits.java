package dev.slipstream.media.ingest;

import dev.slipstream.media.rtp.RtpPacket;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Rebuilds Annex B access units from H.264 RTP packets, ending each at a marker bit. */
final class AccessUnits {
  private AccessUnits() {}

  record AccessUnit(long timestamp, byte[] annexB) {}

  static List<AccessUnit> of(List<RtpPacket> packets) {
    List<AccessUnit> units = new ArrayList<>();
    ByteArrayOutputStream au = new ByteArrayOutputStream();
    for (RtpPacket packet : packets) {
      byte[] p = CapturingSink.payload(packet);
      int type = p[0] & 0x1F;
      if (type == 24) {
        int at = 1;
        while (at + 2 <= p.length) {
          int size = ((p[at] & 0xFF) << 8) | (p[at + 1] & 0xFF);
          startCode(au);
          au.write(p, at + 2, size);
          at += 2 + size;
        }
      } else if (type == 28) {
        if ((p[1] & 0x80) != 0) {
          startCode(au);
          au.write((p[0] & 0xE0) | (p[1] & 0x1F));
        }
        au.write(p, 2, p.length - 2);
      } else {
        startCode(au);
        au.write(p, 0, p.length);
      }
      if (packet.marker()) {
        units.add(new AccessUnit(packet.timestamp(), au.toByteArray()));
        au.reset();
      }
    }
    return units;
  }

  private static void startCode(ByteArrayOutputStream out) {
    out.write(0);
    out.write(0);
    out.write(0);
    out.write(1);
  }
}
