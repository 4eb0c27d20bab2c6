package dev.floe.plan.codec;

import dev.floe.core.types.Schema;
import dev.floe.io.FileFormat;
import dev.floe.plan.dsl.DslPlan;
import dev.floe.plan.dsl.Expr;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.UniqueKeep;
import java.util.ArrayList;
import java.util.List;

/**
 * Serializes unresolved {@link DslPlan}s (what a client ships to a coordinator) in the same versioned binary style
 * as {@link PlanCodec}; malformed bytes give an {@code INVALID_PLAN} {@code FloeException}.
 */
public final class DslCodec {
    private DslCodec() {
    }

    public static byte[] encode(DslPlan plan) {
        CodecWriter out = Framing.start(Framing.KIND_DSL);
        writePlan(out, plan);
        return out.toByteArray();
    }

    public static DslPlan decode(byte[] bytes) {
        return Framing.decode(bytes, Framing.KIND_DSL, DslCodec::readPlan);
    }

    static void writeExpr(CodecWriter out, Expr expr) {
        switch (expr) {
            case Expr.Column column -> {
                out.writeByte(0);
                out.writeString(column.name());
            }
            case Expr.Columns columns -> {
                out.writeByte(1);
                out.writeStrings(columns.names());
            }
            case Expr.All all -> out.writeByte(2);
            case Expr.Exclude exclude -> {
                out.writeByte(3);
                out.writeStrings(exclude.names());
            }
            case Expr.Literal literal -> {
                out.writeByte(4);
                ValueCodec.write(out, literal.value());
                out.writeBoolean(literal.type() != null);
                if (literal.type() != null) {
                    TypeCodec.write(out, literal.type());
                }
            }
            case Expr.Alias alias -> {
                out.writeByte(5);
                writeExpr(out, alias.input());
                out.writeString(alias.name());
            }
            case Expr.Binary binary -> {
                out.writeByte(6);
                out.writeByte(binary.operator().ordinal());
                writeExpr(out, binary.left());
                writeExpr(out, binary.right());
            }
            case Expr.Function function -> {
                out.writeByte(7);
                FunctionCodec.writeScalar(out, function.function());
                writeExprs(out, function.arguments());
            }
            case Expr.Cast cast -> {
                out.writeByte(8);
                writeExpr(out, cast.input());
                TypeCodec.write(out, cast.type());
                out.writeBoolean(cast.strict());
            }
            case Expr.When when -> {
                out.writeByte(9);
                out.writeInt(when.branches().size());
                for (Expr.Branch branch : when.branches()) {
                    writeExpr(out, branch.condition());
                    writeExpr(out, branch.value());
                }
                writeExpr(out, when.otherwise());
            }
            case Expr.Aggregation aggregation -> {
                out.writeByte(10);
                FunctionCodec.writeAggregate(out, aggregation.function());
                out.writeBoolean(aggregation.input() != null);
                if (aggregation.input() != null) {
                    writeExpr(out, aggregation.input());
                }
            }
            case Expr.Window window -> {
                out.writeByte(11);
                writeExpr(out, window.function());
                writeExprs(out, window.partitionBy());
            }
        }
    }

    static Expr readExpr(CodecReader in) {
        int tag = in.readByte();
        in.enter();
        try {
            return switch (tag) {
                case 0 -> new Expr.Column(in.readString());
                case 1 -> new Expr.Columns(in.readStrings());
                case 2 -> new Expr.All();
                case 3 -> new Expr.Exclude(in.readStrings());
                case 4 -> new Expr.Literal(ValueCodec.read(in), in.readBoolean() ? TypeCodec.read(in) : null);
                case 5 -> new Expr.Alias(readExpr(in), in.readString());
                case 6 -> new Expr.Binary(in.readEnum(BinaryOperator.class), readExpr(in), readExpr(in));
                case 7 -> new Expr.Function(FunctionCodec.readScalar(in), readExprs(in));
                case 8 -> new Expr.Cast(readExpr(in), TypeCodec.read(in), in.readBoolean());
                case 9 -> {
                    int count = in.readCount(2);
                    List<Expr.Branch> branches = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        branches.add(new Expr.Branch(readExpr(in), readExpr(in)));
                    }
                    yield new Expr.When(branches, readExpr(in));
                }
                case 10 -> new Expr.Aggregation(FunctionCodec.readAggregate(in), in.readBoolean() ? readExpr(in) : null);
                case 11 -> new Expr.Window(readExpr(in), readExprs(in));
                default -> throw CodecReader.invalid("unknown DSL expression tag " + tag);
            };
        } finally {
            in.exit();
        }
    }

    private static void writeExprs(CodecWriter out, List<Expr> exprs) {
        out.writeInt(exprs.size());
        exprs.forEach(e -> writeExpr(out, e));
    }

    private static List<Expr> readExprs(CodecReader in) {
        int count = in.readCount(1);
        List<Expr> exprs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            exprs.add(readExpr(in));
        }
        return exprs;
    }

    private static void writeFlags(CodecWriter out, List<Boolean> flags) {
        out.writeInt(flags.size());
        flags.forEach(out::writeBoolean);
    }

    private static List<Boolean> readFlags(CodecReader in) {
        int count = in.readCount(1);
        List<Boolean> flags = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            flags.add(in.readBoolean());
        }
        return flags;
    }

    private static void writePlan(CodecWriter out, DslPlan plan) {
        switch (plan) {
            case DslPlan.Scan scan -> {
                out.writeByte(0);
                SourceCodec.writeSource(out, scan.source());
            }
            case DslPlan.InMemory memory -> {
                out.writeByte(1);
                SourceCodec.writeBatches(out, memory.schema(), memory.batches());
            }
            case DslPlan.Select select -> {
                out.writeByte(2);
                writePlan(out, select.input());
                writeExprs(out, select.exprs());
            }
            case DslPlan.WithColumns withColumns -> {
                out.writeByte(3);
                writePlan(out, withColumns.input());
                writeExprs(out, withColumns.exprs());
            }
            case DslPlan.Filter filter -> {
                out.writeByte(4);
                writePlan(out, filter.input());
                writeExpr(out, filter.predicate());
            }
            case DslPlan.GroupBy groupBy -> {
                out.writeByte(5);
                writePlan(out, groupBy.input());
                writeExprs(out, groupBy.keys());
                writeExprs(out, groupBy.aggregations());
                out.writeBoolean(groupBy.maintainOrder());
            }
            case DslPlan.Join join -> {
                out.writeByte(6);
                writePlan(out, join.left());
                writePlan(out, join.right());
                writeExprs(out, join.leftOn());
                writeExprs(out, join.rightOn());
                out.writeByte(join.how().ordinal());
                out.writeString(join.suffix());
            }
            case DslPlan.Sort sort -> {
                out.writeByte(7);
                writePlan(out, sort.input());
                writeExprs(out, sort.by());
                writeFlags(out, sort.descending());
                writeFlags(out, sort.nullsLast());
                out.writeBoolean(sort.maintainOrder());
            }
            case DslPlan.Slice slice -> {
                out.writeByte(8);
                writePlan(out, slice.input());
                out.writeLong(slice.offset());
                out.writeLong(slice.length());
            }
            case DslPlan.Unique unique -> {
                out.writeByte(9);
                writePlan(out, unique.input());
                out.writeBoolean(unique.subset() != null);
                if (unique.subset() != null) {
                    out.writeStrings(unique.subset());
                }
                out.writeByte(unique.keep().ordinal());
                out.writeBoolean(unique.maintainOrder());
            }
            case DslPlan.Rename rename -> {
                out.writeByte(10);
                writePlan(out, rename.input());
                out.writeStringMap(rename.mapping());
            }
            case DslPlan.Drop drop -> {
                out.writeByte(11);
                writePlan(out, drop.input());
                out.writeStrings(drop.names());
            }
            case DslPlan.WithRowIndex rowIndex -> {
                out.writeByte(12);
                writePlan(out, rowIndex.input());
                out.writeString(rowIndex.name());
                out.writeLong(rowIndex.offset());
            }
            case DslPlan.Concat concat -> {
                out.writeByte(13);
                out.writeInt(concat.inputs().size());
                concat.inputs().forEach(input -> writePlan(out, input));
            }
            case DslPlan.Sink sink -> {
                out.writeByte(14);
                writePlan(out, sink.input());
                out.writeByte(sink.format().ordinal());
                out.writeString(sink.path());
                out.writeStringMap(sink.options());
            }
        }
    }

    private static DslPlan readPlan(CodecReader in) {
        int tag = in.readByte();
        in.enter();
        try {
            return switch (tag) {
                case 0 -> new DslPlan.Scan(SourceCodec.readSource(in));
                case 1 -> {
                    Schema schema = TypeCodec.readSchema(in);
                    yield new DslPlan.InMemory(schema, SourceCodec.readBatches(in, schema));
                }
                case 2 -> new DslPlan.Select(readPlan(in), readExprs(in));
                case 3 -> new DslPlan.WithColumns(readPlan(in), readExprs(in));
                case 4 -> new DslPlan.Filter(readPlan(in), readExpr(in));
                case 5 -> new DslPlan.GroupBy(readPlan(in), readExprs(in), readExprs(in), in.readBoolean());
                case 6 -> new DslPlan.Join(readPlan(in), readPlan(in), readExprs(in), readExprs(in),
                        in.readEnum(JoinType.class), in.readString());
                case 7 -> new DslPlan.Sort(readPlan(in), readExprs(in), readFlags(in), readFlags(in), in.readBoolean());
                case 8 -> new DslPlan.Slice(readPlan(in), in.readLong(), in.readLong());
                case 9 -> new DslPlan.Unique(readPlan(in), in.readBoolean() ? in.readStrings() : null,
                        in.readEnum(UniqueKeep.class), in.readBoolean());
                case 10 -> new DslPlan.Rename(readPlan(in), in.readStringMap());
                case 11 -> new DslPlan.Drop(readPlan(in), in.readStrings());
                case 12 -> new DslPlan.WithRowIndex(readPlan(in), in.readString(), in.readLong());
                case 13 -> {
                    int count = in.readCount(1);
                    List<DslPlan> inputs = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        inputs.add(readPlan(in));
                    }
                    yield new DslPlan.Concat(inputs);
                }
                case 14 -> new DslPlan.Sink(readPlan(in), in.readEnum(FileFormat.class), in.readString(),
                        in.readStringMap());
                default -> throw CodecReader.invalid("unknown DSL plan tag " + tag);
            };
        } finally {
            in.exit();
        }
    }
}
