package dev.slipstream.vision.pose.blazepose;

import dev.slipstream.vision.frame.VideoFrame;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Prints per-call latency of the detector and of the FULL and LITE landmark models on this CPU
 * (p50, p99 and max over 100 calls after 20 warm-up calls), each call including the picture
 * resampling and output decoding. A measurement, not a test: it asserts nothing and is left out of
 * the normal build (its name does not end in Test). Run it with
 *
 * <pre>
 * mvn -pl vision test -Dtest=BlazePoseLatencyMeasurement -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class BlazePoseLatencyMeasurement {

  private static final int WARM_UP = 20;
  private static final int CALLS = 100;

  @Test
  void printLatencies() {
    VideoFrame messi = TestPictures.messi();
    VideoFrame basketball = TestPictures.basketball();
    System.out.printf(
        Locale.ROOT,
        "BlazePose latency, %d calls after %d warm-up, %d CPUs, %s %s%n",
        CALLS,
        WARM_UP,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"));
    for (int threads : new int[] {1, 2}) {
      try (BlazePoseDetector detector =
              BlazePoseDetector.create(DetectorSettings.defaults().withThreads(threads));
          BlazePoseEstimator estimator =
              BlazePoseEstimator.create(EstimatorSettings.defaults().withThreads(threads))) {
        PersonDetection person = detector.detectPeople(messi).getFirst();
        measure("detector, messi5 548x342", threads, () -> detector.detect(messi));
        measure("detector, basketball1 640x480", threads, () -> detector.detect(basketball));
        measure("landmarks FULL, one person", threads, () -> estimator.estimate(messi, person));
        estimator.useModel(LandmarkModel.LITE);
        measure("landmarks LITE, one person", threads, () -> estimator.estimate(messi, person));
      }
    }
    measureResampling(messi);
  }

  /** The Java share of each call: resampling the picture into the input tensor. */
  private static void measureResampling(VideoFrame frame) {
    float[] detectorInput = new float[224 * 224 * 3];
    float[] landmarkInput = new float[256 * 256 * 3];
    TensorFrameMap letterbox = TensorFrameMap.letterbox(frame.width(), frame.height(), 224);
    TensorFrameMap crop = TensorFrameMap.region(new RegionOfInterest(265, 227, 440, 0.2), 256);
    measure(
        "resample only, letterbox 224",
        1,
        () ->
            TensorSampler.fill(frame, letterbox, TensorSampler.Border.BLACK, -1, 1, detectorInput));
    measure(
        "resample only, crop 256",
        1,
        () -> TensorSampler.fill(frame, crop, TensorSampler.Border.REPLICATE, 0, 1, landmarkInput));
  }

  private static void measure(String what, int threads, Runnable call) {
    for (int i = 0; i < WARM_UP; i++) {
      call.run();
    }
    long[] nanos = new long[CALLS];
    for (int i = 0; i < CALLS; i++) {
      long start = System.nanoTime();
      call.run();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "%-32s threads=%d  p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n",
        what,
        threads,
        nanos[CALLS / 2] / 1e6,
        nanos[(int) Math.ceil(CALLS * 0.99) - 1] / 1e6,
        nanos[CALLS - 1] / 1e6);
  }
}
