package dev.slipstream.vision.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HungarianAssignmentTest {

  @Test
  void solvesTheTextbookSquareMatrixOptimally() {
    // Worked by hand: the greedy row minima (0→1, 1→1, 2→1) all collide on column 1; the optimum
    // 0→1, 1→0, 2→2 costs 1 + 2 + 2 = 5 against 6 for the next best (0→1, 1→2, 2→0).
    double[][] cost = {
      {4, 1, 3},
      {2, 0, 5},
      {3, 2, 2}
    };

    assertThat(HungarianAssignment.solve(cost)).containsExactly(1, 0, 2);
  }

  @Test
  void avoidsTheGreedyTrapOnAFourByFourMatrix() {
    // Greedy takes the 1 at (0,0) and then pays 100 at (3,3); the optimum (sum 13) leaves it.
    double[][] cost = {
      {1, 2, 3, 4},
      {2, 4, 6, 8},
      {3, 6, 9, 12},
      {4, 8, 12, 100}
    };

    int[] assignment = HungarianAssignment.solve(cost);

    assertThat(totalCost(cost, assignment)).isEqualTo(bruteForceMinimum(cost));
    assertThat(assignment).containsExactly(3, 2, 1, 0);
  }

  @Test
  void leavesTheExtraColumnUnusedWhenThereAreFewerRows() {
    double[][] cost = {
      {9, 2, 7},
      {3, 8, 1}
    };

    assertThat(HungarianAssignment.solve(cost)).containsExactly(1, 2);
  }

  @Test
  void leavesTheCostliestRowUnassignedWhenThereAreFewerColumns() {
    double[][] cost = {
      {5, 6},
      {1, 9},
      {8, 2}
    };

    assertThat(HungarianAssignment.solve(cost)).containsExactly(-1, 0, 1);
  }

  @Test
  void matchesExhaustiveSearchOnRandomMatrices() {
    Random random = new Random(42);
    for (int trial = 0; trial < 300; trial++) {
      int rows = 1 + random.nextInt(6);
      int columns = 1 + random.nextInt(6);
      double[][] cost = new double[rows][columns];
      for (double[] row : cost) {
        for (int j = 0; j < columns; j++) {
          row[j] = random.nextInt(20) - 5 + random.nextDouble();
        }
      }

      int[] assignment = HungarianAssignment.solve(cost);

      assertThat(totalCost(cost, assignment))
          .as("trial %d (%dx%d)", trial, rows, columns)
          .isCloseTo(bruteForceMinimum(cost), org.assertj.core.data.Offset.offset(1e-9));
      int[] usedColumns = java.util.Arrays.stream(assignment).filter(c -> c >= 0).toArray();
      assertThat(assignment).hasSize(rows);
      assertThat(usedColumns).doesNotHaveDuplicates().hasSize(Math.min(rows, columns));
    }
  }

  @Test
  void handlesEmptyMatrices() {
    assertThat(HungarianAssignment.solve(new double[0][0])).isEmpty();
    assertThat(HungarianAssignment.solve(new double[][] {{}, {}})).containsExactly(-1, -1);
  }

  @Test
  void refusesCostsThatAreNotFinite() {
    assertThatThrownBy(() -> HungarianAssignment.solve(new double[][] {{1, Double.NaN}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite");
  }

  private static double totalCost(double[][] cost, int[] assignment) {
    double total = 0;
    for (int row = 0; row < assignment.length; row++) {
      if (assignment[row] >= 0) {
        total += cost[row][assignment[row]];
      }
    }
    return total;
  }

  /** Tries every way of giving min(rows, columns) rows distinct columns. */
  private static double bruteForceMinimum(double[][] cost) {
    int rows = cost.length;
    int columns = cost[0].length;
    return search(cost, 0, new boolean[columns], Math.max(0, rows - columns));
  }

  private static double search(double[][] cost, int row, boolean[] used, int skipsLeft) {
    if (row == cost.length) {
      return 0;
    }
    double best = Double.POSITIVE_INFINITY;
    if (skipsLeft > 0) {
      best = search(cost, row + 1, used, skipsLeft - 1);
    }
    for (int column = 0; column < used.length; column++) {
      if (!used[column]) {
        used[column] = true;
        best = Math.min(best, cost[row][column] + search(cost, row + 1, used, skipsLeft));
        used[column] = false;
      }
    }
    return best;
  }
}
