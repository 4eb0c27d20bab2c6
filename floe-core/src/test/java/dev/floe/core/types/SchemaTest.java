package dev.floe.core.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import org.junit.jupiter.api.Test;

class SchemaTest {
    private final Schema schema = Schema.of(Field.of("a", DataType.INT64), Field.of("b", DataType.STRING));

    @Test
    void findsColumnsByName() {
        assertThat(schema.require("b")).isEqualTo(1);
        assertThat(schema.field("a").type()).isEqualTo(DataType.INT64);
        assertThat(schema.indexOf("zzz")).isEqualTo(-1);
    }

    @Test
    void missingColumnNamesTheColumnsThatExist() {
        assertThatThrownBy(() -> schema.require("c"))
                .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND))
                .hasMessageContaining("'c'").hasMessageContaining("[a, b]");
    }

    @Test
    void rejectsDuplicateNames() {
        assertThatThrownBy(() -> Schema.of(Field.of("a", DataType.INT64), Field.of("a", DataType.FLOAT64)))
                .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_COLUMN))
                .hasMessageContaining("'a'");
    }

    @Test
    void displayNamesFollowPolars() {
        assertThat(DataType.datetime(TimeUnit.MICROSECONDS).displayName()).isEqualTo("datetime[μs]");
        assertThat(DataType.decimal(15, 2).displayName()).isEqualTo("decimal[15,2]");
        assertThat(DataType.list(DataType.INT64).displayName()).isEqualTo("list[i64]");
        assertThat(DataType.STRING.displayName()).isEqualTo("str");
    }

    @Test
    void decimalPrecisionIsChecked() {
        assertThatThrownBy(() -> DataType.decimal(39, 2)).hasMessageContaining("between 1 and 38");
        assertThatThrownBy(() -> DataType.decimal(5, 6)).hasMessageContaining("scale");
    }
}
