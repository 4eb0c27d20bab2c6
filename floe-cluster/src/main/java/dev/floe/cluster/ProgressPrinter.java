package dev.floe.cluster;

import dev.floe.cluster.protocol.QueryInfo;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * Prints the live progress of a running query to a terminal: each status the client polls redraws the block of
 * per-stage lines in place (ANSI cursor-up and erase-line), so the lines update rather than scroll.
 */
public final class ProgressPrinter implements Consumer<QueryInfo> {
    private static final String ERASE_LINE = "\033[2K";
    private final PrintStream out;
    private int printed;

    public ProgressPrinter(PrintStream out) {
        this.out = out;
    }

    /** Whether the process talks to a terminal (Java reports this for the console, not stderr alone). */
    public static boolean terminalAttached() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }

    @Override
    public void accept(QueryInfo info) {
        List<String> lines = ProgressText.lines(info);
        out.print(redraw(printed, lines));
        out.flush();
        printed = lines.size();
    }

    /** The characters that move up over {@code previousLines} lines and print {@code lines} in their place. */
    static String redraw(int previousLines, List<String> lines) {
        StringBuilder text = new StringBuilder();
        if (previousLines > 0) {
            text.append("\033[").append(previousLines).append('F');
        }
        for (String line : lines) {
            text.append(ERASE_LINE).append(line).append('\n');
        }
        return text.toString();
    }
}
