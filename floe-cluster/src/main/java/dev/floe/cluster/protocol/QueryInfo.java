package dev.floe.cluster.protocol;

import dev.floe.cluster.QueryStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The coordinator's answer about one query: status, stage counts, result size and files, error, stage graph, and
 * the progress of every stage (for the client's live progress lines).
 */
public record QueryInfo(long queryId, QueryStatus status, int totalStages, int finishedStages, int failedStages,
        long totalRows, List<String> resultFiles, String error, String explain, List<StageProgress> stages) {
    public QueryInfo {
        resultFiles = List.copyOf(resultFiles);
        stages = List.copyOf(stages);
    }

    public void write(WireOutput out) {
        out.writeLong(queryId).writeByte(status.ordinal()).writeInt(totalStages).writeInt(finishedStages)
                .writeInt(failedStages).writeLong(totalRows).writeStrings(resultFiles).writeString(error)
                .writeString(explain).writeInt(stages.size());
        stages.forEach(stage -> stage.write(out));
    }

    public static QueryInfo read(WireInput in) {
        long id = in.readLong();
        int status = in.readByte();
        if (status >= QueryStatus.values().length) {
            throw in.malformed("unknown query status " + status);
        }
        int total = in.readInt();
        int finished = in.readInt();
        int failed = in.readInt();
        long rows = in.readLong();
        List<String> files = new ArrayList<>(in.readStrings());
        String error = in.readString();
        String explain = in.readString();
        int count = in.readCount(30);
        List<StageProgress> stages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            stages.add(StageProgress.read(in));
        }
        return new QueryInfo(id, QueryStatus.values()[status], total, finished, failed, rows, files, error, explain,
                stages);
    }
}
