package dev.slipstream.vision.track;

import java.util.Arrays;

/**
 * Minimum-cost assignment of rows to columns (Kuhn–Munkres, O(n²m)), for rectangular matrices too.
 *
 * <p>This is the shortest-augmenting-path form with row and column potentials: rows are added one
 * at a time and each addition runs a Dijkstra-like search over reduced costs {@code cost - u[row] -
 * v[col]}, which stay non-negative, so every row costs O(nm) and the total is O(n²m) for n ≤ m. A
 * matrix with more rows than columns is solved transposed.
 */
final class HungarianAssignment {

  private HungarianAssignment() {}

  /**
   * Returns, for each row, the column assigned to it, or -1 where there were more rows than columns
   * and the row got none. The total cost of the assignment is the least possible.
   *
   * @param cost a rectangular matrix of finite costs, {@code cost[row][column]}
   */
  static int[] solve(double[][] cost) {
    int rows = cost.length;
    if (rows == 0) {
      return new int[0];
    }
    int columns = cost[0].length;
    for (double[] row : cost) {
      if (row.length != columns) {
        throw new IllegalArgumentException("cost matrix rows must all have the same length");
      }
      for (double value : row) {
        if (!Double.isFinite(value)) {
          throw new IllegalArgumentException(
              "cost matrix must hold finite numbers (was " + value + ")");
        }
      }
    }
    if (columns == 0) {
      int[] none = new int[rows];
      Arrays.fill(none, -1);
      return none;
    }
    if (rows <= columns) {
      return solveWide(cost, rows, columns);
    }
    int[] columnToRow = solveWide(transpose(cost, rows, columns), columns, rows);
    int[] rowToColumn = new int[rows];
    Arrays.fill(rowToColumn, -1);
    for (int column = 0; column < columns; column++) {
      rowToColumn[columnToRow[column]] = column;
    }
    return rowToColumn;
  }

  /** Solves a matrix with no more rows than columns; every row gets a column. */
  private static int[] solveWide(double[][] cost, int rows, int columns) {
    // 1-based arrays; column 0 is a virtual start column holding the row being added.
    double[] rowPotential = new double[rows + 1];
    double[] columnPotential = new double[columns + 1];
    int[] rowOfColumn = new int[columns + 1];
    int[] previousColumn = new int[columns + 1];
    for (int row = 1; row <= rows; row++) {
      rowOfColumn[0] = row;
      int column = 0;
      double[] slack = new double[columns + 1];
      Arrays.fill(slack, Double.POSITIVE_INFINITY);
      boolean[] visited = new boolean[columns + 1];
      do {
        visited[column] = true;
        int currentRow = rowOfColumn[column];
        double delta = Double.POSITIVE_INFINITY;
        int nextColumn = -1;
        for (int j = 1; j <= columns; j++) {
          if (visited[j]) {
            continue;
          }
          double reduced =
              cost[currentRow - 1][j - 1] - rowPotential[currentRow] - columnPotential[j];
          if (reduced < slack[j]) {
            slack[j] = reduced;
            previousColumn[j] = column;
          }
          if (slack[j] < delta) {
            delta = slack[j];
            nextColumn = j;
          }
        }
        for (int j = 0; j <= columns; j++) {
          if (visited[j]) {
            rowPotential[rowOfColumn[j]] += delta;
            columnPotential[j] -= delta;
          } else {
            slack[j] -= delta;
          }
        }
        column = nextColumn;
      } while (rowOfColumn[column] != 0);
      do {
        int previous = previousColumn[column];
        rowOfColumn[column] = rowOfColumn[previous];
        column = previous;
      } while (column != 0);
    }
    int[] rowToColumn = new int[rows];
    for (int j = 1; j <= columns; j++) {
      if (rowOfColumn[j] != 0) {
        rowToColumn[rowOfColumn[j] - 1] = j - 1;
      }
    }
    return rowToColumn;
  }

  private static double[][] transpose(double[][] cost, int rows, int columns) {
    double[][] transposed = new double[columns][rows];
    for (int row = 0; row < rows; row++) {
      for (int column = 0; column < columns; column++) {
        transposed[column][row] = cost[row][column];
      }
    }
    return transposed;
  }
}
