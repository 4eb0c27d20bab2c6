package dev.floe.cluster.protocol;

import dev.floe.cluster.plan.Exchange;

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
        }
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
                default -> throw in.malformed("unknown exchange kind " + kind + " (0 to 4 are valid)");
            };
        } catch (dev.floe.core.FloeException e) {
            if (e.code() == dev.floe.core.ErrorCode.INTERNAL) {
                throw in.malformed(e.getMessage());
            }
            throw e;
        }
    }
}
