package dev.floe.exec.expr;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vector;
import dev.floe.plan.function.ScalarFunction;

/** Date parts of Date and Datetime columns, from days since the epoch by the civil-calendar arithmetic. */
final class TemporalFunctions {
    private TemporalFunctions() {
    }

    enum Part { YEAR, MONTH, DAY, WEEKDAY, QUARTER, ORDINAL_DAY }

    static Part part(ScalarFunction function) {
        return switch (function) {
            case ScalarFunction.Year f -> Part.YEAR;
            case ScalarFunction.Month f -> Part.MONTH;
            case ScalarFunction.Day f -> Part.DAY;
            case ScalarFunction.Weekday f -> Part.WEEKDAY;
            case ScalarFunction.Quarter f -> Part.QUARTER;
            case ScalarFunction.OrdinalDay f -> Part.ORDINAL_DAY;
            case ScalarFunction.IsNull _, ScalarFunction.IsNotNull _, ScalarFunction.FillNull _,
                    ScalarFunction.Not _, ScalarFunction.Negate _, ScalarFunction.IsIn _,
                    ScalarFunction.IsBetween _, ScalarFunction.Abs _, ScalarFunction.Sqrt _,
                    ScalarFunction.Round _, ScalarFunction.StrContains _, ScalarFunction.StrStartsWith _,
                    ScalarFunction.StrEndsWith _, ScalarFunction.StrSlice _, ScalarFunction.StrLenChars _,
                    ScalarFunction.StrToUppercase _, ScalarFunction.StrToLowercase _,
                    ScalarFunction.StrReplace _ ->
                    throw dev.floe.core.FloeException.internal("not a date part: " + function.name());
        };
    }

    static Vector extract(Vector input, Part part, DataType type) {
        int n = input.length();
        long[] out = new long[n];
        if (input instanceof IntVector dates) {
            int[] days = dates.values();
            for (int i = 0; i < n; i++) {
                out[i] = partOfDay(days[i], part);
            }
        } else {
            LongVector datetimes = (LongVector) input;
            long perDay = 86_400L * ((DataType.DatetimeType) input.type()).unit().perSecond();
            long[] values = datetimes.values();
            for (int i = 0; i < n; i++) {
                out[i] = partOfDay(Math.floorDiv(values[i], perDay), part);
            }
        }
        return Numbers.fromLongs(type, out, input.validity(), n);
    }

    /** A part of the civil date {@code epochDay} days after 1970-01-01 (proleptic Gregorian). */
    static long partOfDay(long epochDay, Part part) {
        if (part == Part.WEEKDAY) {
            return Math.floorMod(epochDay + 3, 7) + 1;
        }
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return switch (part) {
            case YEAR -> year;
            case MONTH -> month;
            case DAY -> day;
            case QUARTER -> (month - 1) / 3 + 1;
            case ORDINAL_DAY -> epochDay - daysBeforeYear(year) + 1;
            case WEEKDAY -> throw dev.floe.core.FloeException.internal("weekday handled above");
        };
    }

    private static long daysBeforeYear(long year) {
        long y = year - 1;
        return 365 * (y - 1969) + Math.floorDiv(y, 4) - Math.floorDiv(y, 100) + Math.floorDiv(y, 400)
                - (1969 / 4 - 1969 / 100 + 1969 / 400);
    }
}
