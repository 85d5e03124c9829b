package dev.slipstream.vision.detect;

import dev.slipstream.vision.track.Detection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the foreground's connected components into people: merges the fragments of one body, drops
 * blobs of no person's size, and scores the rest.
 *
 * <p>A thin limb or a jersey the colour of the background breaks a silhouette into pieces, mostly
 * stacked (head and torso over legs) and sometimes side by side (an arm). Stacked pieces that
 * overlap horizontally by half the narrower one's width merge when the gap between them is small
 * next to a person's height there and the result is still no taller than a person; a small piece
 * beside a large one merges when they overlap vertically and nearly touch. Two people side by side
 * are both large, so they stay apart; two people one behind the other would be taller than anyone
 * together, so they stay apart too.
 *
 * <p>The score says how much a blob looks like one person: how much of its box it fills (a running
 * figure fills about half), how near its height is to a typical adult's where a calibration says,
 * and how upright it is (people are taller than wide; a wide blob is often two people merged).
 */
final class BlobGrouping {
  /** Beyond this many components a frame is noise; only the largest are considered. */
  private static final int MAX_COMPONENTS = 200;

  /** Components smaller than this many pixels are specks, not parts of anyone. */
  private static final int MIN_COMPONENT_AREA = 3;

  private final PersonSize size;
  private final double mergeGapFraction;

  BlobGrouping(PersonSize size, double mergeGapFraction) {
    this.size = size;
    this.mergeGapFraction = mergeGapFraction;
  }

  List<Detection> people(List<Blob> components) {
    List<Blob> blobs =
        new ArrayList<>(
            components.stream()
                .filter(b -> b.area() >= MIN_COMPONENT_AREA)
                .sorted(Comparator.comparingInt(Blob::area).reversed())
                .limit(MAX_COMPONENTS)
                .toList());
    mergeFragments(blobs);
    List<Detection> people = new ArrayList<>();
    for (Blob blob : blobs) {
      PersonSize.Limits limits = size.at(blob.feet());
      if (limits.admits(blob.height())) {
        people.add(new Detection(blob.box(), score(blob, limits)));
      }
    }
    return people;
  }

  private void mergeFragments(List<Blob> blobs) {
    boolean merged = true;
    while (merged) {
      merged = false;
      outer:
      for (int i = 0; i < blobs.size(); i++) {
        for (int j = i + 1; j < blobs.size(); j++) {
          if (sameBody(blobs.get(i), blobs.get(j))) {
            blobs.set(i, blobs.get(i).union(blobs.get(j)));
            blobs.remove(j);
            merged = true;
            break outer;
          }
        }
      }
    }
  }

  private boolean sameBody(Blob a, Blob b) {
    Blob union = a.union(b);
    PersonSize.Limits limits = size.at(union.feet());
    if (union.height() > limits.maxPx()) {
      return false;
    }
    double reference = limits.calibrated() ? limits.typicalPx() : union.height();
    int horizontalOverlap = Math.min(a.right(), b.right()) - Math.max(a.x(), b.x());
    int verticalGap = Math.max(a.y(), b.y()) - Math.min(a.bottom(), b.bottom());
    if (horizontalOverlap >= 0.5 * Math.min(a.width(), b.width())) {
      return verticalGap <= mergeGapFraction * reference;
    }
    Blob small = a.area() <= b.area() ? a : b;
    Blob large = small == a ? b : a;
    int verticalOverlap = -verticalGap;
    int horizontalGap = -horizontalOverlap;
    return small.area() < 0.25 * large.area()
        && verticalOverlap >= 0.5 * small.height()
        && horizontalGap <= 0.1 * reference;
  }

  private static double score(Blob blob, PersonSize.Limits limits) {
    double fillTerm = Math.min(1, blob.fill() / 0.35);
    double aspect = blob.height() / (double) blob.width();
    // Upright people stand 1.5 to 5 times taller than wide; flatter blobs lose up to 0.7.
    double shapeTerm = aspect >= 1.2 ? 1 : Math.max(0.3, 1 - 0.7 * (1.2 - aspect) / 0.8);
    double sizeTerm = limits.fit(blob.height());
    return Math.max(0, Math.min(1, 0.3 + 0.7 * fillTerm * shapeTerm * sizeTerm));
  }
}
