package dev.floe.core.types;

/** The resolution of a datetime or duration value stored as a 64-bit count since the epoch. */
public enum TimeUnit {
    MILLISECONDS("ms", 1_000L),
    MICROSECONDS("μs", 1_000_000L),
    NANOSECONDS("ns", 1_000_000_000L);

    private final String shortName;
    private final long perSecond;

    TimeUnit(String shortName, long perSecond) {
        this.shortName = shortName;
        this.perSecond = perSecond;
    }

    /** Polars' short name: ms, μs, ns. */
    public String shortName() {
        return shortName;
    }

    /** How many units make one second. */
    public long perSecond() {
        return perSecond;
    }
}
