package io.handoff.journey;

/** What is wrong with one row of a signal import: its number (1 = the first data row), column and why. */
public record RowProblem(int row, String column, String message) {
    @Override
    public String toString() {
        return "row " + row + (column == null ? "" : ", " + column) + ": " + message;
    }
}
