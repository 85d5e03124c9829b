package dev.slipstream.vision.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.vision.geometry.GroundPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneTest {
  private final Zone lShape =
      new Zone("l-shape", List.of(g(0, 0), g(10, 0), g(10, 4), g(4, 4), g(4, 10), g(0, 10)));

  @Test
  void containsPointsInsideAConcavePolygonOnly() {
    assertThat(lShape.contains(g(2, 8))).isTrue();
    assertThat(lShape.contains(g(8, 2))).isTrue();
    assertThat(lShape.contains(g(8, 8))).as("the notch of the L").isFalse();
    assertThat(lShape.contains(g(-1, 5))).isFalse();
  }

  @Test
  void signedDistanceIsPositiveInsideAndNegativeOutside() {
    assertThat(lShape.signedDistance(g(2, 8))).isCloseTo(2, within(1e-9));
    assertThat(lShape.signedDistance(g(8, 8))).isCloseTo(-4, within(1e-9));
    assertThat(lShape.signedDistance(g(12, 2))).isCloseTo(-2, within(1e-9));
  }

  @Test
  void refusesFewerThanThreeVertices() {
    assertThatThrownBy(() -> new Zone("box", List.of(g(0, 0), g(1, 1))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("zone_too_few_vertices"))
        .hasMessage("zone box needs at least 3 vertices (got 2)");
  }

  @Test
  void refusesAPolygonWithNoArea() {
    assertThatThrownBy(() -> new Zone("line", List.of(g(0, 0), g(5, 5), g(10, 10))))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("zone_zero_area"))
        .hasMessage("zone line encloses no area: its vertices lie on one line");
  }

  @Test
  void refusesAVertexThatIsNotANumber() {
    assertThatThrownBy(() -> new Zone("box", List.of(g(0, 0), g(5, Double.NaN), g(10, 0))))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("zone_non_finite"))
        .hasMessage("zone box vertex 2 is not a finite point (GroundPoint[x=5.0, y=NaN])");
  }

  @Test
  void refusesAnIdThatCannotBeUsedInEventIds() {
    assertThatThrownBy(() -> new Zone("penalty box", List.of(g(0, 0), g(5, 0), g(0, 5))))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("zone_invalid_id"))
        .hasMessage("zone id must be 1 to 64 letters, digits, '_', '-' or '.' (was penalty box)");
  }

  private static GroundPoint g(double x, double y) {
    return new GroundPoint(x, y);
  }
}
