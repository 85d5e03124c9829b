package dev.slipstream.vision.pose.blazepose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slipstream.vision.frame.VideoFrame;
import dev.slipstream.vision.geometry.PixelBox;
import dev.slipstream.vision.geometry.PixelPoint;
import dev.slipstream.vision.pose.blazepose.TensorSampler.Border;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The crop and letterbox maps, and the sampler that reads pictures through them. */
class TensorFrameMapTest {

  @Test
  void theLetterboxFitsAWideFrameAcrossTheInputWithBandsAboveAndBelow() {
    TensorFrameMap map = TensorFrameMap.letterbox(640, 360, 224);

    // 640×360 scales by 0.35 to 224×126, leaving 49 input pixels above and below
    assertPoint(map.toFrame(0, 49), 0, 0);
    assertPoint(map.toFrame(224, 175), 640, 360);
    assertPoint(map.toFrame(112, 112), 320, 180);
    assertThat(map.frameStep()).isCloseTo(640 / 224.0, within(1e-9));
  }

  @Test
  void anUprightRegionMapsTheInputSquareOntoItsSquare() {
    TensorFrameMap map = TensorFrameMap.region(new RegionOfInterest(300, 200, 128, 0), 256);

    assertPoint(map.toFrame(0, 0), 236, 136);
    assertPoint(map.toFrame(256, 256), 364, 264);
    assertPoint(map.toFrame(128, 128), 300, 200);
  }

  @Test
  void aTurnedRegionKeepsTheBodysHeadAtTheTopOfTheInput() {
    // a person lying with the head to the right: the detector's scale point is right of the hips
    PersonDetection lying = person(new PixelPoint(300, 200), new PixelPoint(400, 200));
    RegionOfInterest region = RegionOfInterest.around(lying, 1.0);
    TensorFrameMap map = TensorFrameMap.region(region, 256);

    assertThat(Math.toDegrees(lying.bodyRotation())).isCloseTo(90, within(1e-9));
    assertThat(region.side()).isCloseTo(200, within(1e-9));
    // the top-centre of the input is the head end of the body, right of the hips
    assertPoint(map.toFrame(128, 0), 400, 200);
    assertPoint(map.toFrame(128, 256), 200, 200);
  }

  @Test
  void bodyRotationIsZeroUprightPositiveLeaningRightAndHalfATurnUpsideDown() {
    PixelPoint hips = new PixelPoint(100, 100);
    assertThat(person(hips, new PixelPoint(100, 0)).bodyRotation()).isCloseTo(0, within(1e-9));
    assertThat(Math.toDegrees(person(hips, new PixelPoint(150, 50)).bodyRotation()))
        .isCloseTo(45, within(1e-9));
    assertThat(Math.abs(person(hips, new PixelPoint(100, 200)).bodyRotation()))
        .isCloseTo(Math.PI, within(1e-9));
  }

  @Test
  void aRegionOffTheFrameIsToldApartFromOneTouchingIt() {
    assertThat(new RegionOfInterest(-60, 100, 100, 0).overlapsFrame(640, 360)).isFalse();
    assertThat(new RegionOfInterest(-40, 100, 100, 0).overlapsFrame(640, 360)).isTrue();
    assertThat(new RegionOfInterest(-60, 100, 100, Math.PI / 4).overlapsFrame(640, 360)).isTrue();
  }

  @Test
  void theSamplerWritesRgbScaledToTheRangeAndBlackPaddingOutsideTheFrame() {
    // a 4×2 frame: left half pure blue, right half pure red (BGR bytes)
    byte[] bgr = new byte[4 * 2 * 3];
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 4; x++) {
        int i = (y * 4 + x) * 3;
        bgr[i] = (byte) (x < 2 ? 255 : 0);
        bgr[i + 2] = (byte) (x < 2 ? 0 : 255);
      }
    }
    VideoFrame frame = new VideoFrame(0, 0, 4, 2, bgr);
    TensorFrameMap map = TensorFrameMap.letterbox(4, 2, 8);
    float[] out = new float[8 * 8 * 3];

    TensorSampler.fill(frame, map, Border.BLACK, -1, 1, out);

    assertThat(rgb(out, 8, 0, 0)).containsExactly(-1, -1, -1); // padding band
    assertThat(rgb(out, 8, 2, 3)).containsExactly(-1, -1, 1); // blue
    assertThat(rgb(out, 8, 5, 4)).containsExactly(1, -1, -1); // red
    // at the frame's edge the picture fades into the black outside, as OpenCV's BORDER_CONSTANT
    assertThat(rgb(out, 8, 0, 3)[2]).isBetween(-1f, 1f);
  }

  @Test
  void theSamplerRepeatsTheEdgeForCropsReachingPastTheFrame() {
    byte[] bgr = new byte[2 * 2 * 3];
    Arrays.fill(bgr, (byte) 255);
    VideoFrame white = new VideoFrame(0, 0, 2, 2, bgr);
    TensorFrameMap map =
        TensorFrameMap.region(RegionOfInterest.around(new PixelBox(0, 0, 2, 2), 2), 4);
    float[] out = new float[4 * 4 * 3];

    TensorSampler.fill(white, map, Border.REPLICATE, 0, 1, out);

    for (float value : out) {
      assertThat(value).isEqualTo(1f);
    }
  }

  private static float[] rgb(float[] tensor, int size, int x, int y) {
    int i = (y * size + x) * 3;
    return new float[] {tensor[i], tensor[i + 1], tensor[i + 2]};
  }

  private static PersonDetection person(PixelPoint hips, PixelPoint scalePoint) {
    PixelBox box = new PixelBox(0, 0, 1, 1);
    return new PersonDetection(box, 0.9, box, hips, scalePoint, hips, scalePoint);
  }

  private static void assertPoint(PixelPoint actual, double x, double y) {
    assertThat(actual.x()).as("x").isCloseTo(x, within(1e-9));
    assertThat(actual.y()).as("y").isCloseTo(y, within(1e-9));
  }
}
