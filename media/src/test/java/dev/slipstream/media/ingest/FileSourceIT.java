package dev.slipstream.media.ingest;

import static dev.slipstream.media.ingest.RtmpIngestIT.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.slipstream.media.rtp.KeyframeDetector;
import dev.slipstream.media.rtp.PacketKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceIT {
  private static final Path VTEST = Path.of("/usr/share/doc/opencv-doc/examples/data/vtest.avi");

  @TempDir Path folder;
  private final SteppingClock clock = new SteppingClock(1_795_514_400_000L);
  private final RecordingPublisher publisher = new RecordingPublisher();

  @Test
  void aBaselineH264ClipIsForwardedAsItIsAndLoopsWithTimeRunningOn() throws Exception {
    Path clip = makeClip("clip.mp4", "-c:v", "libx264", "-profile:v", "baseline", "-g", "30");

    try (FileSource source = start(clip)) {
      waitUntil(() -> source.loops() >= 2, 20);
    }

    assertThat(publisher.codecs.video().fmtp().get("profile-level-id")).startsWith("42c0");
    assertThat(publisher.codecs.audio()).isEqualTo(IngestCodecs.OPUS);
    List<AccessUnits.AccessUnit> units = AccessUnits.of(publisher.video());
    assertThat(units.size()).isGreaterThanOrEqualTo(120);
    for (int i = 1; i < units.size(); i++) {
      long step = (units.get(i).timestamp() - units.get(i - 1).timestamp()) & 0xFFFF_FFFFL;
      assertThat(step).as("frame %d", i).isEqualTo(3000);
    }
    assertThat(KeyframeDetector.h264().classify(publisher.video().get(0)))
        .isEqualTo(PacketKind.KEYFRAME_START);
    assertThat(publisher.closed()).isTrue();
  }

  @Test
  void aClipInACodecWebRtcCannotPlayIsReencodedToConstrainedBaseline() throws Exception {
    assumeThat(VTEST).as("Debian opencv-doc's vtest.avi").exists();

    try (FileSource source = start(VTEST)) {
      waitUntil(() -> source.framesSent() >= 25, 20);
    }

    assertThat(publisher.codecs.video().fmtp()).containsEntry("profile-level-id", "42e01f");
    assertThat(publisher.codecs.audio()).isNull();
    try (TestDecoder decoder = new TestDecoder()) {
      assertThat(decoder.decode(AccessUnits.of(publisher.video()).getFirst().annexB())).isPresent();
    }
    List<AccessUnits.AccessUnit> units = AccessUnits.of(publisher.video());
    long step = (units.get(1).timestamp() - units.get(0).timestamp()) & 0xFFFF_FFFFL;
    assertThat(step).isEqualTo(9000); // the clip's 10 fps, kept
  }

  @Test
  void aTruncatedOrGarbageFileIsRefusedAsBrokenBeforeTheStreamGoesLive() throws Exception {
    Path clip = makeClip("whole.mp4", "-c:v", "libx264", "-profile:v", "baseline");
    byte[] bytes = Files.readAllBytes(clip);
    Path truncated =
        Files.write(
            folder.resolve("truncated.mp4"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Path garbage = Files.write(folder.resolve("garbage.mp4"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

    for (Path broken : List.of(truncated, garbage, folder.resolve("missing.mp4"))) {
      assertThatThrownBy(() -> start(broken))
          .isInstanceOfSatisfying(
              IngestRejectedException.class,
              e -> assertThat(e.reason()).isEqualTo(IngestRejection.BROKEN_INPUT))
          .hasMessageContaining(broken.getFileName().toString());
    }
    assertThat(publisher.opens).hasValue(0);
  }

  @Test
  void aClipWithoutVideoIsRefusedAsUnsupported() throws Exception {
    Path clip = folder.resolve("tone.m4a");
    run("-f", "lavfi", "-i", "sine", "-t", "1", "-c:a", "aac", clip.toString());

    assertThatThrownBy(() -> start(clip))
        .isInstanceOfSatisfying(
            IngestRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(IngestRejection.UNSUPPORTED_MEDIA));
    assertThat(publisher.opens).hasValue(0);
  }

  @Test
  void aTruncatedTransportStreamPlaysWhatItHasAndLoops() throws Exception {
    Path clip = makeClip("clip.ts", "-c:v", "libx264", "-profile:v", "baseline", "-g", "30");
    byte[] bytes = Files.readAllBytes(clip);
    Path cut =
        Files.write(
            folder.resolve("cut.ts"), java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3 + 77));

    try (FileSource source = start(cut)) {
      waitUntil(() -> source.loops() >= 2, 20);
      assertThat(source.isRunning()).isTrue();
    }
    assertThat(publisher.closed()).isTrue();
  }

  private FileSource start(Path clip) {
    return LoopingFileSource.start(
        clip.toString(),
        "str_clip",
        publisher.opener(),
        clock,
        clock.pacer(),
        new SplittableRandom(3));
  }

  private Path makeClip(String name, String... video) throws Exception {
    Path clip = folder.resolve(name);
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=640x360:rate=30",
                "-f",
                "lavfi",
                "-i",
                "sine",
                "-t",
                "2"));
    args.addAll(List.of(video));
    args.addAll(List.of("-c:a", "aac", clip.toString()));
    run(args.toArray(String[]::new));
    return clip;
  }

  private static void run(String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).inheritIO().start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
  }
}
