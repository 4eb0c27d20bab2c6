package dev.floe.core.types;

import dev.floe.core.FloeException;
import java.util.Objects;

/** A named, typed column of a {@link Schema}. */
public record Field(String name, DataType type) {
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public Field withName(String newName) {
        return new Field(newName, type);
    }

    public static Field of(String name, DataType type) {
        if (name == null) {
            throw FloeException.invalidArgument("a field name must not be null");
        }
        return new Field(name, type);
    }

    @Override
    public String toString() {
        return name + ": " + type;
    }
}
