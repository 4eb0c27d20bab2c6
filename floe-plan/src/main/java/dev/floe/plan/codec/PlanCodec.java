package dev.floe.plan.codec;

import dev.floe.core.types.Schema;
import dev.floe.io.FileFormat;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.Distinct;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.logical.RowIndex;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.logical.Sink;
import dev.floe.plan.logical.Slice;
import dev.floe.plan.logical.Sort;
import dev.floe.plan.logical.SortKey;
import dev.floe.plan.logical.Union;
import dev.floe.plan.logical.UniqueKeep;
import dev.floe.plan.logical.WithColumns;
import java.util.ArrayList;
import java.util.List;

/**
 * Serializes resolved {@link LogicalPlan}s losslessly to a compact versioned binary form (what a coordinator sends
 * workers) and back; malformed, truncated or hostile bytes give an {@code INVALID_PLAN} {@code FloeException}.
 */
public final class PlanCodec {
    private PlanCodec() {
    }

    public static byte[] encode(LogicalPlan plan) {
        CodecWriter out = Framing.start(Framing.KIND_LOGICAL);
        write(out, plan);
        return out.toByteArray();
    }

    public static LogicalPlan decode(byte[] bytes) {
        return Framing.decode(bytes, Framing.KIND_LOGICAL, PlanCodec::read);
    }

    /** One expression on its own (for tests and for shipping predicates). */
    public static byte[] encodeExpr(LogicalExpr expr) {
        CodecWriter out = Framing.start(Framing.KIND_LOGICAL);
        LogicalExprCodec.write(out, expr);
        return out.toByteArray();
    }

    public static LogicalExpr decodeExpr(byte[] bytes) {
        return Framing.decode(bytes, Framing.KIND_LOGICAL, LogicalExprCodec::read);
    }

    private static void write(CodecWriter out, LogicalPlan plan) {
        switch (plan) {
            case Scan scan -> {
                out.writeByte(0);
                SourceCodec.writeSource(out, scan.source());
                TypeCodec.writeSchema(out, scan.tableSchema());
                out.writeBoolean(scan.projection() != null);
                if (scan.projection() != null) {
                    out.writeStrings(scan.projection());
                }
                out.writeBoolean(scan.predicate() != null);
                if (scan.predicate() != null) {
                    LogicalExprCodec.write(out, scan.predicate());
                }
                out.writeLong(scan.limit());
            }
            case InMemory memory -> {
                out.writeByte(1);
                SourceCodec.writeBatches(out, memory.schema(), memory.batches());
            }
            case Filter filter -> {
                out.writeByte(2);
                write(out, filter.input());
                LogicalExprCodec.write(out, filter.predicate());
            }
            case Project project -> {
                out.writeByte(3);
                write(out, project.input());
                LogicalExprCodec.writeNamed(out, project.exprs());
            }
            case WithColumns withColumns -> {
                out.writeByte(4);
                write(out, withColumns.input());
                LogicalExprCodec.writeNamed(out, withColumns.exprs());
            }
            case Aggregate aggregate -> {
                out.writeByte(5);
                write(out, aggregate.input());
                LogicalExprCodec.writeNamed(out, aggregate.keys());
                LogicalExprCodec.writeNamed(out, aggregate.aggregates());
                out.writeBoolean(aggregate.maintainOrder());
            }
            case Join join -> {
                out.writeByte(6);
                write(out, join.left());
                write(out, join.right());
                out.writeByte(join.type().ordinal());
                LogicalExprCodec.writeAll(out, join.leftKeys());
                LogicalExprCodec.writeAll(out, join.rightKeys());
                out.writeString(join.suffix());
            }
            case Sort sort -> {
                out.writeByte(7);
                write(out, sort.input());
                out.writeInt(sort.keys().size());
                for (SortKey key : sort.keys()) {
                    LogicalExprCodec.write(out, key.expr());
                    out.writeBoolean(key.descending());
                    out.writeBoolean(key.nullsLast());
                }
                out.writeBoolean(sort.maintainOrder());
                out.writeLong(sort.limit());
            }
            case Slice slice -> {
                out.writeByte(8);
                write(out, slice.input());
                out.writeLong(slice.offset());
                out.writeLong(slice.length());
            }
            case Distinct distinct -> {
                out.writeByte(9);
                write(out, distinct.input());
                out.writeBoolean(distinct.subset() != null);
                if (distinct.subset() != null) {
                    out.writeStrings(distinct.subset());
                }
                out.writeByte(distinct.keep().ordinal());
                out.writeBoolean(distinct.maintainOrder());
            }
            case Union union -> {
                out.writeByte(10);
                out.writeInt(union.inputs().size());
                union.inputs().forEach(input -> write(out, input));
            }
            case RowIndex rowIndex -> {
                out.writeByte(11);
                write(out, rowIndex.input());
                out.writeString(rowIndex.name());
                out.writeLong(rowIndex.offset());
            }
            case Cache cache -> {
                out.writeByte(12);
                write(out, cache.input());
                out.writeInt(cache.id());
            }
            case Sink sink -> {
                out.writeByte(13);
                write(out, sink.input());
                out.writeByte(sink.format().ordinal());
                out.writeString(sink.path());
                out.writeStringMap(sink.options());
            }
        }
    }

    private static LogicalPlan read(CodecReader in) {
        int tag = in.readByte();
        in.enter();
        try {
            return switch (tag) {
                case 0 -> new Scan(SourceCodec.readSource(in), TypeCodec.readSchema(in),
                        in.readBoolean() ? in.readStrings() : null, in.readBoolean() ? LogicalExprCodec.read(in) : null,
                        in.readLong());
                case 1 -> {
                    Schema schema = TypeCodec.readSchema(in);
                    yield new InMemory(schema, SourceCodec.readBatches(in, schema));
                }
                case 2 -> new Filter(read(in), LogicalExprCodec.read(in));
                case 3 -> new Project(read(in), LogicalExprCodec.readNamed(in));
                case 4 -> new WithColumns(read(in), LogicalExprCodec.readNamed(in));
                case 5 -> new Aggregate(read(in), LogicalExprCodec.readNamed(in), LogicalExprCodec.readNamed(in),
                        in.readBoolean());
                case 6 -> new Join(read(in), read(in), in.readEnum(JoinType.class), LogicalExprCodec.readAll(in),
                        LogicalExprCodec.readAll(in), in.readString());
                case 7 -> {
                    LogicalPlan input = read(in);
                    int count = in.readCount(3);
                    List<SortKey> keys = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        keys.add(new SortKey(LogicalExprCodec.read(in), in.readBoolean(), in.readBoolean()));
                    }
                    yield new Sort(input, keys, in.readBoolean(), in.readLong());
                }
                case 8 -> new Slice(read(in), in.readLong(), in.readLong());
                case 9 -> new Distinct(read(in), in.readBoolean() ? in.readStrings() : null,
                        in.readEnum(UniqueKeep.class), in.readBoolean());
                case 10 -> {
                    int count = in.readCount(1);
                    List<LogicalPlan> inputs = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        inputs.add(read(in));
                    }
                    yield new Union(inputs);
                }
                case 11 -> new RowIndex(read(in), in.readString(), in.readLong());
                case 12 -> new Cache(read(in), in.readInt());
                case 13 -> new Sink(read(in), in.readEnum(FileFormat.class), in.readString(), in.readStringMap());
                default -> throw CodecReader.invalid("unknown plan node tag " + tag);
            };
        } finally {
            in.exit();
        }
    }
}
