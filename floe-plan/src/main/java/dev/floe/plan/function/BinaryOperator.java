package dev.floe.plan.function;

/** Infix operators of expressions. */
public enum BinaryOperator {
    ADD("+", false), SUBTRACT("-", false), MULTIPLY("*", false), TRUE_DIVIDE("/", false),
    FLOOR_DIVIDE("//", false), MODULO("%", false), POWER("pow", false),
    EQUAL("==", true), NOT_EQUAL("!=", true), LESS("<", true), LESS_EQUAL("<=", true), GREATER(">", true),
    GREATER_EQUAL(">=", true),
    AND("&", false), OR("|", false), XOR("^", false);

    private final String symbol;
    private final boolean comparison;

    BinaryOperator(String symbol, boolean comparison) {
        this.symbol = symbol;
        this.comparison = comparison;
    }

    public String symbol() {
        return symbol;
    }

    public boolean isComparison() {
        return comparison;
    }

    public boolean isLogical() {
        return this == AND || this == OR || this == XOR;
    }

    public boolean isArithmetic() {
        return !comparison && !isLogical();
    }

    /** The operator with its operands swapped ({@code a < b} is {@code b > a}); itself when symmetric. */
    public BinaryOperator flip() {
        return switch (this) {
            case LESS -> GREATER;
            case LESS_EQUAL -> GREATER_EQUAL;
            case GREATER -> LESS;
            case GREATER_EQUAL -> LESS_EQUAL;
            case ADD, SUBTRACT, MULTIPLY, TRUE_DIVIDE, FLOOR_DIVIDE, MODULO, POWER, EQUAL, NOT_EQUAL, AND, OR, XOR ->
                    this;
        };
    }
}
