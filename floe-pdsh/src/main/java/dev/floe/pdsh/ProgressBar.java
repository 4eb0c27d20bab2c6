package dev.floe.pdsh;

import java.io.PrintStream;

/** A one-line text progress bar for long runs, redrawn on a stream (stderr) whenever the whole percent changes. */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final long total;
    private final long startNanos = System.nanoTime();
    private long done;
    private int shownPercent = -1;

    ProgressBar(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = Math.max(1, total);
    }

    /** Records {@code amount} more units done; thread-safe. */
    synchronized void advance(long amount) {
        done += amount;
        int percent = (int) Math.min(100, done * 100 / total);
        if (percent != shownPercent) {
            shownPercent = percent;
            draw(percent);
        }
    }

    /** Draws the bar at 100% and ends its line. */
    synchronized void finish() {
        draw(100);
        out.println();
        out.flush();
    }

    private void draw(int percent) {
        int filled = percent * WIDTH / 100;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                + String.format("%3d%% %6.1f s", percent, seconds));
        out.flush();
    }
}
