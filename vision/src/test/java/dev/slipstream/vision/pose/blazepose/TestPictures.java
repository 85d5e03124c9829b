package dev.slipstream.vision.pose.blazepose;

import dev.slipstream.vision.frame.VideoFrame;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Real photographs from Debian's opencv-doc, as BGR frames. */
final class TestPictures {

  static final Path DATA = Path.of("/usr/share/doc/opencv-doc/examples/data");

  private TestPictures() {}

  /** Lionel Messi running with the ball, 548×342, one person large on the frame. */
  static VideoFrame messi() {
    return frame("messi5.jpg");
  }

  /** Two men passing a basketball in an office, 640×480 grey. */
  static VideoFrame basketball() {
    return frame("basketball1.png");
  }

  /** Returns a uniformly grey frame: nobody on it. */
  static VideoFrame blank(int width, int height) {
    byte[] bgr = new byte[width * height * 3];
    Arrays.fill(bgr, (byte) 128);
    return new VideoFrame(0, 0, width, height, bgr);
  }

  static VideoFrame frame(String fileName) {
    return toFrame(image(fileName));
  }

  static BufferedImage image(String fileName) {
    try {
      BufferedImage read = ImageIO.read(DATA.resolve(fileName).toFile());
      BufferedImage bgr =
          new BufferedImage(read.getWidth(), read.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
      bgr.getGraphics().drawImage(read, 0, 0, null);
      return bgr;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static VideoFrame toFrame(BufferedImage bgrImage) {
    byte[] bgr = ((DataBufferByte) bgrImage.getRaster().getDataBuffer()).getData();
    return new VideoFrame(0, 0, bgrImage.getWidth(), bgrImage.getHeight(), bgr.clone());
  }
}
