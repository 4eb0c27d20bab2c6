package dev.floe.cluster.protocol;

import java.util.ArrayList;
import java.util.List;

/** The worker-to-coordinator messages: registration, and the poll that is both heartbeat and task request. */
public final class WorkerMessages {
    private WorkerMessages() {
    }

    /** A worker announcing its shuffle data address, task slots and work directory (for same-host readers). */
    public record Register(String address, int slots, String directory) {
        public WireOutput write() {
            return Rpc.request().writeString(address).writeInt(slots).writeString(directory);
        }

        public static Register read(WireInput in) {
            Register register = new Register(in.readString(), in.readInt(), in.readString());
            in.expectEnd();
            HostPort.parse(register.address());
            return register;
        }
    }

    /** The coordinator's answer to a registration: the worker's id and how often to poll. */
    public record Registered(long workerId, long pollIntervalMillis) {
        public byte[] write() {
            return Rpc.okResponse().writeLong(workerId).writeLong(pollIntervalMillis).toByteArray();
        }

        public static Registered read(WireInput in) {
            return new Registered(in.readLong(), in.readLong());
        }
    }

    /** A worker's heartbeat: its id, free slots and the reports of tasks finished since the last poll. */
    public record Poll(long workerId, int freeSlots, List<TaskReport> reports) {
        public Poll {
            reports = List.copyOf(reports);
        }

        public WireOutput write() {
            WireOutput out = Rpc.request().writeLong(workerId).writeInt(freeSlots).writeInt(reports.size());
            reports.forEach(report -> report.write(out));
            return out;
        }

        public static Poll read(WireInput in) {
            long workerId = in.readLong();
            int freeSlots = in.readInt();
            int count = in.readCount(20);
            List<TaskReport> reports = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                reports.add(TaskReport.read(in));
            }
            in.expectEnd();
            return new Poll(workerId, freeSlots, reports);
        }
    }

    /** The answer to a poll: whether the worker is known (else it registers again), new tasks, finished queries. */
    public record PollAnswer(boolean known, List<TaskAssignment> tasks, List<Long> finishedQueries) {
        public PollAnswer {
            tasks = List.copyOf(tasks);
            finishedQueries = List.copyOf(finishedQueries);
        }

        public byte[] write() {
            WireOutput out = Rpc.okResponse().writeBoolean(known).writeInt(tasks.size());
            tasks.forEach(task -> task.write(out));
            out.writeInt(finishedQueries.size());
            finishedQueries.forEach(out::writeLong);
            return out.toByteArray();
        }

        public static PollAnswer read(WireInput in) {
            boolean known = in.readBoolean();
            int count = in.readCount(20);
            List<TaskAssignment> tasks = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                tasks.add(TaskAssignment.read(in));
            }
            int finishedCount = in.readCount(8);
            List<Long> finished = new ArrayList<>(finishedCount);
            for (int i = 0; i < finishedCount; i++) {
                finished.add(in.readLong());
            }
            return new PollAnswer(known, tasks, finished);
        }
    }
}
