package dev.floe.cluster.protocol;

import dev.floe.cluster.QueryStatus;
import java.util.ArrayList;
import java.util.List;

/** The coordinator's answer about one query: status, stage counts, result size and files, error, stage graph. */
public record QueryInfo(long queryId, QueryStatus status, int totalStages, int finishedStages, int failedStages,
        long totalRows, List<String> resultFiles, String error, String explain) {
    public QueryInfo {
        resultFiles = List.copyOf(resultFiles);
    }

    public void write(WireOutput out) {
        out.writeLong(queryId).writeByte(status.ordinal()).writeInt(totalStages).writeInt(finishedStages)
                .writeInt(failedStages).writeLong(totalRows).writeStrings(resultFiles).writeString(error)
                .writeString(explain);
    }

    public static QueryInfo read(WireInput in) {
        long id = in.readLong();
        int status = in.readByte();
        if (status >= QueryStatus.values().length) {
            throw in.malformed("unknown query status " + status);
        }
        return new QueryInfo(id, QueryStatus.values()[status], in.readInt(), in.readInt(), in.readInt(),
                in.readLong(), new ArrayList<>(in.readStrings()), in.readString(), in.readString());
    }
}
