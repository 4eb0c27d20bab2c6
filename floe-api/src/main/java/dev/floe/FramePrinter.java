package dev.floe;

import dev.floe.core.types.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a frame as Polars does: {@code shape: (h, w)}, then a box-drawing table with the column names, a
 * {@code ---} line and the short dtype names as header; more than 10 rows show the first and last 5 around a
 * {@code …} row, more than 8 columns the first and last 4 around a {@code …} column.
 */
final class FramePrinter {
    private static final int MAX_ROWS = 10;
    private static final int MAX_COLUMNS = 8;
    private static final String ELLIPSIS = "…";

    private FramePrinter() {
    }

    static String print(DataFrame frame) {
        if (frame.width() == 0) {
            return "shape: (" + frame.height() + ", 0)\n┌┐\n╞╡\n└┘";
        }
        List<Integer> columns = visible(frame.width(), MAX_COLUMNS);
        List<Integer> rows = visible(frame.height(), MAX_ROWS);
        List<List<String>> header = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> dashes = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (int column : columns) {
            if (column < 0) {
                names.add(ELLIPSIS);
                dashes.add("");
                types.add("");
            } else {
                Field field = frame.schema().field(column);
                names.add(field.name());
                dashes.add("---");
                types.add(field.type().displayName());
            }
        }
        header.add(names);
        header.add(dashes);
        header.add(types);
        List<List<String>> body = new ArrayList<>();
        for (int row : rows) {
            List<String> cells = new ArrayList<>();
            for (int column : columns) {
                if (row < 0 || column < 0) {
                    cells.add(ELLIPSIS);
                } else {
                    cells.add(CellFormat.format(frame.toBatch().column(column).getObject(row)));
                }
            }
            body.add(cells);
        }
        int[] widths = new int[columns.size()];
        for (List<String> line : header) {
            measure(line, widths);
        }
        for (List<String> line : body) {
            measure(line, widths);
        }
        StringBuilder out = new StringBuilder();
        out.append("shape: (").append(frame.height()).append(", ").append(frame.width()).append(")\n");
        out.append(border('┌', '─', '┬', '┐', widths));
        for (List<String> line : header) {
            out.append(row(line, widths));
        }
        out.append(border('╞', '═', '╪', '╡', widths));
        for (List<String> line : body) {
            out.append(row(line, widths));
        }
        out.append(border('└', '─', '┴', '┘', widths));
        return out.toString().stripTrailing();
    }

    /** Indices to show, with -1 where the elided middle goes. */
    private static List<Integer> visible(int count, int max) {
        List<Integer> shown = new ArrayList<>();
        if (count <= max) {
            for (int i = 0; i < count; i++) {
                shown.add(i);
            }
            return shown;
        }
        int half = max / 2;
        for (int i = 0; i < half; i++) {
            shown.add(i);
        }
        shown.add(-1);
        for (int i = count - half; i < count; i++) {
            shown.add(i);
        }
        return shown;
    }

    private static void measure(List<String> line, int[] widths) {
        for (int i = 0; i < line.size(); i++) {
            widths[i] = Math.max(widths[i], line.get(i).codePointCount(0, line.get(i).length()));
        }
    }

    private static String border(char left, char fill, char middle, char right, int[] widths) {
        StringBuilder line = new StringBuilder().append(left);
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) {
                line.append(middle);
            }
            line.append(String.valueOf(fill).repeat(widths[i] + 2));
        }
        return line.append(right).append('\n').toString();
    }

    private static String row(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder().append('│');
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append('┆');
            }
            String cell = cells.get(i);
            int length = cell.codePointCount(0, cell.length());
            line.append(' ').append(cell).append(" ".repeat(widths[i] - length)).append(' ');
        }
        return line.append("│\n").toString();
    }
}
