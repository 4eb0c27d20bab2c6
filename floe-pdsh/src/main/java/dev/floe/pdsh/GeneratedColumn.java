package dev.floe.pdsh;

import dev.floe.core.types.DataType;
import dev.floe.pdsh.ColumnBuffers.Dates;
import dev.floe.pdsh.ColumnBuffers.Doubles;
import dev.floe.pdsh.ColumnBuffers.Longs;
import dev.floe.pdsh.ColumnBuffers.Strings;
import dev.floe.core.vector.Vector;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * How one PDS-H column is read from the TPC-H generator's row record {@code R}: the accessor and the PDS-H type it
 * is stored as, so a table is described by its list of columns and one loop copies any table.
 */
sealed interface GeneratedColumn<R> {
    /** The PDS-H type of the column. */
    DataType type();

    /** A buffer for {@code capacity} rows of this column. */
    Buffer<R> buffer(int capacity);

    /** The values of one column of a batch being filled. */
    interface Buffer<R> {
        void add(R row);

        Vector build();
    }

    /** An integer column stored as Int64. */
    record Int64<R>(ToLongFunction<R> value) implements GeneratedColumn<R> {
        public Int64 {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public DataType type() {
            return DataType.INT64;
        }

        @Override
        public Buffer<R> buffer(int capacity) {
            Longs values = new Longs(capacity);
            return new Buffer<>() {
                @Override
                public void add(R row) {
                    values.add(value.applyAsLong(row));
                }

                @Override
                public Vector build() {
                    return values.build();
                }
            };
        }
    }

    /** A decimal column (money, quantities, rates) stored as Float64, as PDS-H does. */
    record Float64<R>(ToDoubleFunction<R> value) implements GeneratedColumn<R> {
        public Float64 {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public DataType type() {
            return DataType.FLOAT64;
        }

        @Override
        public Buffer<R> buffer(int capacity) {
            Doubles values = new Doubles(capacity);
            return new Buffer<>() {
                @Override
                public void add(R row) {
                    values.add(value.applyAsDouble(row));
                }

                @Override
                public Vector build() {
                    return values.build();
                }
            };
        }
    }

    /** A date column, the generator's days since 1970-01-01. */
    record Date<R>(ToIntFunction<R> epochDay) implements GeneratedColumn<R> {
        public Date {
            Objects.requireNonNull(epochDay, "epochDay");
        }

        @Override
        public DataType type() {
            return DataType.DATE;
        }

        @Override
        public Buffer<R> buffer(int capacity) {
            Dates values = new Dates(capacity);
            return new Buffer<>() {
                @Override
                public void add(R row) {
                    values.add(epochDay.applyAsInt(row));
                }

                @Override
                public Vector build() {
                    return values.build();
                }
            };
        }
    }

    /** A text column; {@code expectedBytes} sizes the first buffer (it grows when a batch needs more). */
    record Text<R>(Function<R, String> value, int expectedBytes) implements GeneratedColumn<R> {
        public Text {
            Objects.requireNonNull(value, "value");
            if (expectedBytes < 1) {
                throw new IllegalArgumentException("expectedBytes must be positive, not " + expectedBytes);
            }
        }

        @Override
        public DataType type() {
            return DataType.STRING;
        }

        @Override
        public Buffer<R> buffer(int capacity) {
            Strings values = new Strings(capacity, expectedBytes);
            return new Buffer<>() {
                @Override
                public void add(R row) {
                    values.add(value.apply(row));
                }

                @Override
                public Vector build() {
                    return values.build();
                }
            };
        }
    }

    /** A one-character text column read without a {@code String} per row (the generator returns a char). */
    record Character<R>(ToIntFunction<R> value) implements GeneratedColumn<R> {
        public Character {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public DataType type() {
            return DataType.STRING;
        }

        @Override
        public Buffer<R> buffer(int capacity) {
            Strings values = new Strings(capacity, 1);
            return new Buffer<>() {
                @Override
                public void add(R row) {
                    values.add((char) value.applyAsInt(row));
                }

                @Override
                public Vector build() {
                    return values.build();
                }
            };
        }
    }
}
