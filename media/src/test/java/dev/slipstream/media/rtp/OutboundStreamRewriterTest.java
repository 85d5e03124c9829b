package dev.slipstream.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboundStreamRewriterTest {
  private static final long VIEWER_SSRC = 0xABCD_EF01L;
  private static final int VIEWER_PT = 102;
  private static final int FIRST_VIEWER_SEQ = 65_530;
  private static final long FIRST_VIEWER_TS = 4_000_000_000L;

  private final List<RtpPacket> h264 = CapturedPackets.rtp("h264.rtp.hex");
  private final KeyframeDetector detector = KeyframeDetector.h264();
  private final FakeClock clock = new FakeClock();
  private final OutboundStreamRewriter rewriter =
      OutboundStreamRewriter.create(
          VIEWER_SSRC,
          VIEWER_PT,
          90_000,
          clock,
          new FixedRandom(FIRST_VIEWER_SEQ, FIRST_VIEWER_TS));
  private final List<RewriteOutcome> outcomes = new ArrayList<>();

  /** A packet the viewer got, and which captured packet it was. */
  record Sent(int index, RtpPacket packet) {}

  @Test
  void aViewerWhoJoinsMidStreamStartsOnTheNextKeyframeWithContiguousNumbers() {
    List<Sent> sent = feed(h264, 10, 120);

    assertThat(sent.getFirst().index()).as("the STAP-A with SPS, PPS and SEI").isEqualTo(54);
    assertThat(outcomes.subList(0, 44)).containsOnly(RewriteOutcome.WAITING_FOR_KEYFRAME);
    assertThat(sent).hasSize(120 - 54);
    for (int i = 0; i < sent.size(); i++) {
      RtpPacket packet = sent.get(i).packet();
      assertThat(packet.sequenceNumber()).isEqualTo((FIRST_VIEWER_SEQ + i) & 0xFFFF);
      assertThat(packet.ssrc()).isEqualTo(VIEWER_SSRC);
      assertThat(packet.payloadType()).isEqualTo(VIEWER_PT);
      RtpPacket original = h264.get(sent.get(i).index());
      assertThat(packet.timestamp())
          .isEqualTo(
              (FIRST_VIEWER_TS + original.timestamp() - h264.get(54).timestamp()) & 0xFFFFFFFFL);
      assertThat(packet.marker()).isEqualTo(original.marker());
      assertThat(RtpPacketTest.payload(packet)).isEqualTo(RtpPacketTest.payload(original));
    }
  }

  @Test
  void thePublishersSenderReportTimeMapsOntoTheViewersTimeline() {
    RtpPacket first = feed(h264, 0, 5).getFirst().packet();

    assertThat(rewriter.viewerTimestamp(287_454_020L, h264.getFirst().timestamp() + 90_000))
        .hasValue(first.timestamp() + 90_000 & 0xFFFFFFFFL);
    assertThat(rewriter.viewerTimestamp(999, 0)).isEmpty();
  }

  @Test
  void aViewerPresentFromTheFirstPacketGetsEveryPacket() {
    assertThat(feed(h264, 0, 120)).hasSize(120);
  }

  @Test
  void anIdrFragmentWhoseSpsWentByOrASecondSliceIsNoPlaceToStart() {
    assertThat(feed(h264, 1, 120).getFirst().index()).isEqualTo(54);
  }

  @Test
  void joiningOnTheSecondSliceOfAKeyframeWaitsForTheNextKeyframe() {
    assertThat(feed(h264, 4, 120).getFirst().index()).isEqualTo(54);
  }

  @Test
  void aVp8ViewerStartsOnTheNextVp8Keyframe() {
    List<RtpPacket> vp8 = CapturedPackets.rtp("vp8.rtp.hex");
    OutboundStreamRewriter viewer =
        OutboundStreamRewriter.create(VIEWER_SSRC, 96, 90_000, clock, new FixedRandom(0, 0));
    boolean[] starts = keyframeStarts(vp8, KeyframeDetector.vp8());
    List<Integer> forwarded = new ArrayList<>();
    for (int i = 5; i < vp8.size(); i++) {
      if (viewer.rewrite(vp8.get(i).copy(), starts[i]) == RewriteOutcome.FORWARDED) {
        forwarded.add(i);
      }
    }
    assertThat(forwarded.getFirst()).isEqualTo(42);
    assertThat(forwarded).hasSize(vp8.size() - 42);
  }

  @Test
  void anAudioViewerStartsOnTheFirstPacketItIsGiven() {
    List<RtpPacket> opus = CapturedPackets.rtp("opus.rtp.hex");
    OutboundStreamRewriter viewer =
        OutboundStreamRewriter.create(VIEWER_SSRC, 111, 48_000, clock, new FixedRandom(7, 0));
    RtpPacket first = opus.get(5).copy();

    boolean start = new KeyframeStartTracker(KeyframeDetector.audio()).isKeyframeStart(first);

    assertThat(viewer.rewrite(first, start)).isEqualTo(RewriteOutcome.FORWARDED);
    assertThat(first.sequenceNumber()).isEqualTo(7);
  }

  @Test
  void aPacketThePublisherLostStaysAGapTheViewerCanNack() {
    List<RtpPacket> lossy = new ArrayList<>(h264);
    lossy.remove(60);

    List<Sent> sent = feed(lossy, 0, lossy.size());

    int before = sent.get(59).packet().sequenceNumber();
    int after = sent.get(60).packet().sequenceNumber();
    assertThat(SequenceNumbers.distance(after, before)).isEqualTo(2);
    assertThat(rewriter.publisherSequence(SequenceNumbers.add(before, 1)))
        .contains(new PublisherSequence(287_454_020L, h264.get(60).sequenceNumber()));
  }

  @Test
  void aNackedPacketIsResentExactlyAsTheViewerFirstGotIt() {
    PacketCache cache = PacketCache.create(1_024, Duration.ofSeconds(2), clock);
    h264.forEach(cache::put);
    List<Sent> sent = feed(h264, 30, 120);

    for (Sent original : sent) {
      int viewerSeq = original.packet().sequenceNumber();
      PublisherSequence wanted = rewriter.publisherSequence(viewerSeq).orElseThrow();
      RtpPacket resend = cache.get(wanted.sequenceNumber()).orElseThrow().copy();
      assertThat(rewriter.rewriteRetransmission(resend, viewerSeq)).isTrue();
      assertThat(bytes(resend)).isEqualTo(bytes(original.packet()));
    }
  }

  @Test
  void afterAResyncTheViewerContinuesRightAfterItsLastPacketOnTheNextKeyframe() {
    List<Sent> beforeDrop = feed(h264, 0, 31);
    rewriter.resync();
    outcomes.clear();
    List<Sent> afterDrop = feed(h264, 31, 120);

    assertThat(outcomes.subList(0, 54 - 31)).containsOnly(RewriteOutcome.WAITING_FOR_KEYFRAME);
    RtpPacket last = beforeDrop.getLast().packet();
    RtpPacket next = afterDrop.getFirst().packet();
    assertThat(afterDrop.getFirst().index()).isEqualTo(54);
    assertThat(next.sequenceNumber()).isEqualTo(SequenceNumbers.add(last.sequenceNumber(), 1));
    assertThat(next.timestamp() - last.timestamp())
        .as("the same source keeps true media time")
        .isEqualTo(h264.get(54).timestamp() - h264.get(30).timestamp());
  }

  @Test
  void aNackForAPacketSentBeforeTheResyncStillMapsToIt() {
    List<Sent> beforeDrop = feed(h264, 0, 31);
    rewriter.resync();
    feed(h264, 31, 120);

    int viewerSeq = beforeDrop.get(20).packet().sequenceNumber();

    assertThat(rewriter.publisherSequence(viewerSeq))
        .contains(new PublisherSequence(287_454_020L, h264.get(20).sequenceNumber()));
  }

  @Test
  void aLatePacketFromBeforeTheKeyframeIsDroppedAndALateOneAfterItIsForwarded() {
    List<Sent> sent = feed(h264, 54, 70);

    RtpPacket tooOld = h264.get(50).copy();
    RtpPacket retransmitted = h264.get(60).copy();

    assertThat(rewriter.rewrite(tooOld, false)).isEqualTo(RewriteOutcome.BEFORE_KEYFRAME);
    assertThat(rewriter.rewrite(retransmitted, false)).isEqualTo(RewriteOutcome.FORWARDED);
    assertThat(bytes(retransmitted)).isEqualTo(bytes(sent.get(6).packet()));
  }

  @Test
  void theViewerStaysOnItsSourceUntilANewSourceSendsAKeyframe() {
    List<RtpPacket> other = h264.stream().map(p -> restamped(p, 999, 0, 0)).toList();
    boolean[] starts = keyframeStarts(h264, detector);
    feed(h264, 0, 30);

    assertThat(rewriter.rewrite(other.get(30).copy(), starts[30]))
        .isEqualTo(RewriteOutcome.OTHER_SOURCE);
    assertThat(rewriter.rewrite(h264.get(30).copy(), starts[30]))
        .isEqualTo(RewriteOutcome.FORWARDED);
    assertThat(rewriter.rewrite(other.get(54).copy(), starts[54]))
        .isEqualTo(RewriteOutcome.FORWARDED);
    assertThat(rewriter.rewrite(h264.get(31).copy(), starts[31]))
        .as("the old source, left")
        .isEqualTo(RewriteOutcome.OTHER_SOURCE);
  }

  @Test
  void aNewPublisherSourceStartsOnItsKeyframeWithTimeAdvancedByTheWallClock() {
    List<Sent> oldSource = feed(h264, 0, 41);
    clock.advance(Duration.ofMillis(500));
    List<RtpPacket> reconnected =
        h264.stream().map(p -> restamped(p, 999, 12_345, 777_777)).toList();

    List<Sent> newSource = feed(reconnected, 0, 120);

    RtpPacket last = oldSource.getLast().packet();
    RtpPacket first = newSource.getFirst().packet();
    assertThat(first.sequenceNumber()).isEqualTo(SequenceNumbers.add(last.sequenceNumber(), 1));
    assertThat(first.ssrc()).isEqualTo(VIEWER_SSRC);
    assertThat((first.timestamp() - last.timestamp()) & 0xFFFFFFFFL).isEqualTo(45_000);
    assertThat(rewriter.publisherSequence(last.sequenceNumber()))
        .contains(new PublisherSequence(287_454_020L, h264.get(40).sequenceNumber()));
    assertThat(rewriter.publisherSequence(first.sequenceNumber()))
        .contains(new PublisherSequence(999, reconnected.getFirst().sequenceNumber()));
  }

  @Test
  void numbersTheViewerWasNeverSentMapToNothing() {
    assertThat(rewriter.publisherSequence(FIRST_VIEWER_SEQ)).isEmpty();
    feed(h264, 0, 10);

    assertThat(rewriter.publisherSequence(SequenceNumbers.add(FIRST_VIEWER_SEQ, 10))).isEmpty();
    assertThat(rewriter.publisherSequence(SequenceNumbers.add(FIRST_VIEWER_SEQ, -1))).isEmpty();
    assertThat(rewriter.publisherSequence(SequenceNumbers.add(FIRST_VIEWER_SEQ, 9))).isPresent();
    assertThat(rewriter.waitingForKeyframe()).isFalse();
  }

  private List<Sent> feed(List<RtpPacket> packets, int from, int to) {
    boolean[] starts = keyframeStarts(packets, detector);
    List<Sent> sent = new ArrayList<>();
    for (int i = from; i < to; i++) {
      RtpPacket copy = packets.get(i).copy();
      RewriteOutcome outcome = rewriter.rewrite(copy, starts[i]);
      outcomes.add(outcome);
      if (outcome == RewriteOutcome.FORWARDED) {
        sent.add(new Sent(i, copy));
      }
    }
    return sent;
  }

  /** Runs the source's tracker over the whole stream, as the publisher's receive path does. */
  static boolean[] keyframeStarts(List<RtpPacket> packets, KeyframeDetector detector) {
    KeyframeStartTracker tracker = new KeyframeStartTracker(detector);
    boolean[] starts = new boolean[packets.size()];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = tracker.isKeyframeStart(packets.get(i));
    }
    return starts;
  }

  private static RtpPacket restamped(RtpPacket packet, long ssrc, int seqDelta, long tsDelta) {
    RtpPacket copy = packet.copy();
    copy.setSsrc(ssrc);
    copy.setSequenceNumber(packet.sequenceNumber() + seqDelta);
    copy.setTimestamp(packet.timestamp() + tsDelta);
    return copy;
  }

  private static byte[] bytes(RtpPacket packet) {
    return java.util.Arrays.copyOfRange(
        packet.buffer(), packet.offset(), packet.offset() + packet.length());
  }
}
