package dev.slipstream.media.rtp;

import java.util.List;
import java.util.Optional;

/** One packet of an RTCP compound packet, decoded into the fields the SFU acts on. */
public sealed interface RtcpPacket {
  /** RTCP packet type of a sender report. */
  int SR = 200;

  /** RTCP packet type of a receiver report. */
  int RR = 201;

  /** RTCP packet type of source descriptions. */
  int SDES = 202;

  /** RTCP packet type of a goodbye. */
  int BYE = 203;

  /** RTCP packet type of transport-layer feedback (RFC 4585): NACK, transport-cc. */
  int RTPFB = 205;

  /** RTCP packet type of payload-specific feedback (RFC 4585): PLI, FIR, REMB. */
  int PSFB = 206;

  /**
   * A sender report (RFC 3550 section 6.4.1).
   *
   * @param ssrc the sender
   * @param ntpTimestamp 64-bit NTP wall-clock time the report was sent
   * @param rtpTimestamp the same instant on the RTP clock
   * @param packetCount packets sent so far
   * @param octetCount payload octets sent so far
   * @param reports reception reports on the sources the sender receives
   */
  record SenderReport(
      long ssrc,
      long ntpTimestamp,
      long rtpTimestamp,
      long packetCount,
      long octetCount,
      List<ReportBlock> reports)
      implements RtcpPacket {
    /** Keeps an unmodifiable copy of the reports. */
    public SenderReport {
      reports = List.copyOf(reports);
    }
  }

  /**
   * A receiver report (RFC 3550 section 6.4.2).
   *
   * @param ssrc the receiver
   * @param reports one block per source received
   */
  record ReceiverReport(long ssrc, List<ReportBlock> reports) implements RtcpPacket {
    /** Keeps an unmodifiable copy of the reports. */
    public ReceiverReport {
      reports = List.copyOf(reports);
    }
  }

  /**
   * Source descriptions (RFC 3550 section 6.5); only CNAME items are kept.
   *
   * @param chunks one per source described
   */
  record SourceDescription(List<SdesChunk> chunks) implements RtcpPacket {
    /** Keeps an unmodifiable copy of the chunks. */
    public SourceDescription {
      chunks = List.copyOf(chunks);
    }
  }

  /**
   * One source's description.
   *
   * @param ssrc the source
   * @param cname its canonical name, when the chunk carries one
   */
  record SdesChunk(long ssrc, Optional<String> cname) {}

  /**
   * A goodbye (RFC 3550 section 6.6).
   *
   * @param ssrcs the sources leaving
   * @param reason why, when given
   */
  record Goodbye(List<Long> ssrcs, Optional<String> reason) implements RtcpPacket {
    /** Keeps an unmodifiable copy of the sources. */
    public Goodbye {
      ssrcs = List.copyOf(ssrcs);
    }
  }

  /**
   * A generic NACK (RFC 4585 section 6.2.1): the media sender should resend these packets.
   *
   * @param senderSsrc who asks
   * @param mediaSsrc the source whose packets are missing
   * @param sequenceNumbers the missing packets, oldest first across a wrap, without repeats
   */
  record GenericNack(long senderSsrc, long mediaSsrc, List<Integer> sequenceNumbers)
      implements RtcpPacket {
    /**
     * Orders the sequence numbers oldest first around the wrap and drops repeats.
     *
     * @throws IllegalArgumentException when there are none or one is outside 0 to 65535
     */
    public GenericNack {
      sequenceNumbers = NackPairs.inWrapOrder(sequenceNumbers);
      if (sequenceNumbers.isEmpty()) {
        throw new IllegalArgumentException("a NACK names at least one sequence number");
      }
    }
  }

  /**
   * A picture loss indication (RFC 4585 section 6.3.1): the sender should send a keyframe.
   *
   * @param senderSsrc who asks
   * @param mediaSsrc the video source that should send one
   */
  record PictureLossIndication(long senderSsrc, long mediaSsrc) implements RtcpPacket {}

  /**
   * A full intra request (RFC 5104 section 4.3.1).
   *
   * @param senderSsrc who asks
   * @param entries one per source asked for a keyframe
   */
  record FullIntraRequest(long senderSsrc, List<FirEntry> entries) implements RtcpPacket {
    /**
     * Keeps an unmodifiable copy of the entries.
     *
     * @throws IllegalArgumentException when there are none
     */
    public FullIntraRequest {
      entries = List.copyOf(entries);
      if (entries.isEmpty()) {
        throw new IllegalArgumentException("a FIR names at least one source");
      }
    }
  }

  /**
   * One FIR entry.
   *
   * @param ssrc the source asked for a keyframe
   * @param sequenceNumber the request's command sequence number, 0 to 255, new for each request
   */
  record FirEntry(long ssrc, int sequenceNumber) {}

  /**
   * Feedback recognised but not decoded, such as REMB or transport-wide congestion control.
   *
   * @param packetType {@link #RTPFB} or {@link #PSFB}
   * @param format the feedback message type
   * @param kind what it was identified as
   * @param senderSsrc who sent it
   * @param mediaSsrc the media source field (0 for REMB and transport-cc)
   */
  record OtherFeedback(
      int packetType, int format, FeedbackKind kind, long senderSsrc, long mediaSsrc)
      implements RtcpPacket {}

  /** What an {@link OtherFeedback} was identified as. */
  enum FeedbackKind {
    /** Receiver estimated maximum bitrate (draft-alvestrand-rmcat-remb). */
    REMB,
    /** Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc). */
    TRANSPORT_CC,
    /** Any other feedback message. */
    OTHER
  }

  /**
   * A well-formed RTCP packet of a type the SFU does not read (APP, XR, ...).
   *
   * @param packetType its packet type
   * @param count its 5-bit count or format field
   */
  record UnknownRtcp(int packetType, int count) implements RtcpPacket {}
}
