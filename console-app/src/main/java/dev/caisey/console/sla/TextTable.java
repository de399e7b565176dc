package dev.caisey.console.sla;

import java.io.PrintWriter;
import java.util.List;

/**
 * Columns padded to their widest cell, two spaces apart: the first column left-aligned (names), the others
 * right-aligned (figures), so a terminal reader can compare numbers down a column. Kept apart from {@link SlaText} so
 * the wording of the figures is not mixed with the padding.
 */
final class TextTable {
    private static final String GAP = "  ";

    private TextTable() {}

    /** Prints {@code lines} (the first is the header) aligned; every line has the same number of cells. */
    static void print(List<String[]> lines, PrintWriter out) {
        int columns = lines.getFirst().length;
        int[] widths = new int[columns];
        for (String[] line : lines) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], line[c].codePointCount(0, line[c].length()));
            }
        }
        for (String[] line : lines) {
            StringBuilder s = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = line[c];
                String pad = " ".repeat(widths[c] - cell.codePointCount(0, cell.length()));
                if (c > 0) {
                    s.append(GAP);
                }
                s.append(c == 0 ? cell + pad : pad + cell);
            }
            out.println(s.toString().stripTrailing());
        }
    }
}
