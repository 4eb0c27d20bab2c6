package dev.floe.plan.codec;

import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.BinaryOperator;
import java.util.ArrayList;
import java.util.List;

/** Resolved expressions in the plan codec: a tag byte per node, children inline, types explicit. */
final class LogicalExprCodec {
    private LogicalExprCodec() {
    }

    static void write(CodecWriter out, LogicalExpr expr) {
        switch (expr) {
            case LogicalExpr.Column column -> {
                out.writeByte(0);
                out.writeString(column.name());
                TypeCodec.write(out, column.type());
            }
            case LogicalExpr.Literal literal -> {
                out.writeByte(1);
                ValueCodec.write(out, literal.value());
                TypeCodec.write(out, literal.type());
            }
            case LogicalExpr.Cast cast -> {
                out.writeByte(2);
                write(out, cast.input());
                TypeCodec.write(out, cast.type());
                out.writeBoolean(cast.strict());
            }
            case LogicalExpr.Binary binary -> {
                out.writeByte(3);
                out.writeByte(binary.operator().ordinal());
                write(out, binary.left());
                write(out, binary.right());
                TypeCodec.write(out, binary.type());
            }
            case LogicalExpr.Function function -> {
                out.writeByte(4);
                FunctionCodec.writeScalar(out, function.function());
                writeAll(out, function.arguments());
                TypeCodec.write(out, function.type());
            }
            case LogicalExpr.Case caseExpr -> {
                out.writeByte(5);
                out.writeInt(caseExpr.branches().size());
                for (LogicalExpr.WhenThen branch : caseExpr.branches()) {
                    write(out, branch.condition());
                    write(out, branch.value());
                }
                write(out, caseExpr.otherwise());
                TypeCodec.write(out, caseExpr.type());
            }
            case LogicalExpr.Aggregate aggregate -> {
                out.writeByte(6);
                FunctionCodec.writeAggregate(out, aggregate.function());
                out.writeBoolean(aggregate.input() != null);
                if (aggregate.input() != null) {
                    write(out, aggregate.input());
                }
                TypeCodec.write(out, aggregate.type());
            }
            case LogicalExpr.Window window -> {
                out.writeByte(7);
                write(out, window.function());
                writeAll(out, window.partitionBy());
                TypeCodec.write(out, window.type());
            }
        }
    }

    static LogicalExpr read(CodecReader in) {
        int tag = in.readByte();
        in.enter();
        try {
            return switch (tag) {
                case 0 -> new LogicalExpr.Column(in.readString(), TypeCodec.read(in));
                case 1 -> new LogicalExpr.Literal(ValueCodec.read(in), TypeCodec.read(in));
                case 2 -> new LogicalExpr.Cast(read(in), TypeCodec.read(in), in.readBoolean());
                case 3 -> new LogicalExpr.Binary(in.readEnum(BinaryOperator.class), read(in), read(in),
                        TypeCodec.read(in));
                case 4 -> new LogicalExpr.Function(FunctionCodec.readScalar(in), readAll(in), TypeCodec.read(in));
                case 5 -> {
                    int count = in.readCount(2);
                    List<LogicalExpr.WhenThen> branches = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        branches.add(new LogicalExpr.WhenThen(read(in), read(in)));
                    }
                    yield new LogicalExpr.Case(branches, read(in), TypeCodec.read(in));
                }
                case 6 -> new LogicalExpr.Aggregate(FunctionCodec.readAggregate(in), in.readBoolean() ? read(in) : null,
                        TypeCodec.read(in));
                case 7 -> new LogicalExpr.Window(read(in), readAll(in), TypeCodec.read(in));
                default -> throw CodecReader.invalid("unknown expression tag " + tag);
            };
        } finally {
            in.exit();
        }
    }

    static void writeAll(CodecWriter out, List<LogicalExpr> exprs) {
        out.writeInt(exprs.size());
        exprs.forEach(e -> write(out, e));
    }

    static List<LogicalExpr> readAll(CodecReader in) {
        int count = in.readCount(1);
        List<LogicalExpr> exprs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            exprs.add(read(in));
        }
        return exprs;
    }

    static void writeNamed(CodecWriter out, List<NamedExpr> exprs) {
        out.writeInt(exprs.size());
        for (NamedExpr expr : exprs) {
            out.writeString(expr.name());
            write(out, expr.expr());
        }
    }

    static List<NamedExpr> readNamed(CodecReader in) {
        int count = in.readCount(5);
        List<NamedExpr> exprs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            exprs.add(new NamedExpr(in.readString(), read(in)));
        }
        return exprs;
    }

}
