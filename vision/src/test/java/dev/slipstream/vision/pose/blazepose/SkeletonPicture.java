package dev.slipstream.vision.pose.blazepose;

import dev.slipstream.vision.geometry.PixelBox;
import dev.slipstream.vision.geometry.PixelPoint;
import dev.slipstream.vision.pose.Keypoint;
import dev.slipstream.vision.pose.Landmark;
import dev.slipstream.vision.pose.Pose;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Draws people and skeletons on a photograph so a person can check them by eye. */
final class SkeletonPicture {

  /** MediaPipe's POSE_CONNECTIONS: the bones drawn between landmarks. */
  private static final int[][] BONES = {
    {0, 1}, {1, 2}, {2, 3}, {3, 7}, {0, 4}, {4, 5}, {5, 6}, {6, 8}, {9, 10}, {11, 12}, {11, 13},
    {13, 15}, {15, 17}, {15, 19}, {15, 21}, {17, 19}, {12, 14}, {14, 16}, {16, 18}, {16, 20},
    {16, 22}, {18, 20}, {11, 23}, {12, 24}, {23, 24}, {23, 25}, {24, 26}, {25, 27}, {26, 28},
    {27, 29}, {28, 30}, {29, 31}, {30, 32}, {27, 31}, {28, 32}
  };

  private final BufferedImage image;
  private final Graphics2D g;

  SkeletonPicture(BufferedImage photo) {
    image = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_RGB);
    g = image.createGraphics();
    g.drawImage(photo, 0, 0, null);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
  }

  /** Draws a box in yellow and the detector's hip centre and body circle in cyan. */
  SkeletonPicture person(PersonDetection person) {
    box(person.box(), Color.YELLOW);
    box(person.headBox(), Color.ORANGE);
    g.setColor(Color.CYAN);
    PixelPoint hip = person.hipCentre();
    double r = person.bodyRadius();
    g.draw(new Ellipse2D.Double(hip.x() - r, hip.y() - r, 2 * r, 2 * r));
    g.draw(
        new Line2D.Double(
            hip.x(), hip.y(), person.bodyScalePoint().x(), person.bodyScalePoint().y()));
    return this;
  }

  /** Draws a box outline. */
  SkeletonPicture box(PixelBox box, Color color) {
    g.setColor(color);
    g.setStroke(new BasicStroke(1.5f));
    g.draw(new Rectangle2D.Double(box.x(), box.y(), box.width(), box.height()));
    return this;
  }

  /** Draws bones (left side green, right side red, middle white) and joints. */
  SkeletonPicture pose(Pose pose) {
    g.setStroke(new BasicStroke(2.5f));
    for (int[] bone : BONES) {
      Keypoint a = pose.keypoints().get(bone[0]);
      Keypoint b = pose.keypoints().get(bone[1]);
      g.setColor(side(bone[0], bone[1]));
      g.draw(new Line2D.Double(a.x(), a.y(), b.x(), b.y()));
    }
    for (Landmark landmark : Landmark.values()) {
      Keypoint k = pose.get(landmark);
      g.setColor(k.visibility() >= 0.5 ? Color.WHITE : Color.GRAY);
      g.fill(new Ellipse2D.Double(k.x() - 3, k.y() - 3, 6, 6));
    }
    return this;
  }

  /** Writes the picture as PNG. */
  void write(Path path) {
    try {
      Files.createDirectories(path.toAbsolutePath().getParent());
      ImageIO.write(image, "png", path.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Color side(int a, int b) {
    boolean left = isLeft(a) && isLeft(b);
    boolean right = isRight(a) && isRight(b);
    return left ? Color.GREEN : right ? Color.RED : Color.WHITE;
  }

  private static boolean isLeft(int index) {
    return Landmark.values()[index].name().startsWith("LEFT") || index == 9;
  }

  private static boolean isRight(int index) {
    return Landmark.values()[index].name().startsWith("RIGHT") || index == 10;
  }
}
