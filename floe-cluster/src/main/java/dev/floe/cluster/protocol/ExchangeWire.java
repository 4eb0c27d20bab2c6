package dev.floe.cluster.protocol;

import dev.floe.cluster.plan.Exchange;
import dev.floe.cluster.plan.RangeBounds;
import dev.floe.cluster.plan.RangeKey;
import dev.floe.core.vector.Batch;
import dev.floe.plan.codec.PlanCodec;
import dev.floe.plan.logical.InMemory;
import java.util.ArrayList;
import java.util.List;

/** The wire form of an {@link Exchange}: a kind byte, then keys and partitions where the kind has them. */
public final class ExchangeWire {
    private ExchangeWire() {
    }

    public static void write(Exchange exchange, WireOutput out) {
        switch (exchange) {
            case Exchange.Hash hash -> out.writeByte(0).writeStrings(hash.keys()).writeInt(hash.partitions());
            case Exchange.RoundRobin roundRobin -> out.writeByte(1).writeInt(roundRobin.partitions());
            case Exchange.Broadcast broadcast -> out.writeByte(2);
            case Exchange.Gather gather -> out.writeByte(3);
            case Exchange.Result result -> out.writeByte(4);
            case Exchange.Forward forward -> writeKeys(forward.sampleKeys(), out.writeByte(5));
            case Exchange.Range range -> {
                writeKeys(range.keys(), out.writeByte(6)).writeInt(range.partitions());
                out.writeBytes(range.bounds() == null ? new byte[0] : PlanCodec.encode(
                        new InMemory(range.bounds().schema(), List.of(range.bounds()))));
            }
        }
    }

    private static WireOutput writeKeys(List<RangeKey> keys, WireOutput out) {
        out.writeInt(keys.size());
        for (RangeKey key : keys) {
            out.writeString(key.column()).writeBoolean(key.descending()).writeBoolean(key.nullsLast());
        }
        return out;
    }

    private static List<RangeKey> readKeys(WireInput in) {
        int count = in.readCount(6);
        List<RangeKey> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(new RangeKey(in.readString(), in.readBoolean(), in.readBoolean()));
        }
        return keys;
    }

    private static Exchange.Range readRange(WireInput in) {
        List<RangeKey> keys = readKeys(in);
        int partitions = in.readInt();
        byte[] bounds = in.readBytes();
        if (bounds.length == 0) {
            return new Exchange.Range(keys, partitions, null);
        }
        List<Batch> rows = RangeBounds.samples(bounds);
        if (rows.size() != 1) {
            throw in.malformed("range bounds must be one batch, got " + rows.size());
        }
        return new Exchange.Range(keys, partitions, rows.getFirst());
    }

    public static Exchange read(WireInput in) {
        int kind = in.readByte();
        try {
            return switch (kind) {
                case 0 -> new Exchange.Hash(in.readStrings(), in.readInt());
                case 1 -> new Exchange.RoundRobin(in.readInt());
                case 2 -> new Exchange.Broadcast();
                case 3 -> new Exchange.Gather();
                case 4 -> new Exchange.Result();
                case 5 -> new Exchange.Forward(readKeys(in));
                case 6 -> readRange(in);
                default -> throw in.malformed("unknown exchange kind " + kind + " (0 to 6 are valid)");
            };
        } catch (dev.floe.core.FloeException e) {
            if (e.code() == dev.floe.core.ErrorCode.INTERNAL) {
                throw in.malformed(e.getMessage());
            }
            throw e;
        }
    }
}
