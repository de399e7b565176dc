package dev.caisey.server.store;

import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.server.db.Database;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The child process of {@link CrashTest}: appends chained events for several sessions through a {@link GroupCommitter}
 * until it is killed, printing {@code ack <session> <seq>} (flushed) for each event only after its future completed.
 * Sessions continue from the stored heads, so every run extends the chains of the runs before it.
 *
 * <p>Arguments: the data folder and the number of sessions.
 */
public final class CrashWriter {
    /** Most submissions a session has in flight before it waits for the oldest. */
    private static final int MAX_IN_FLIGHT = 16;

    private CrashWriter() {}

    public static void main(String[] args) throws InterruptedException {
        Database database = Database.open(Path.of(args[0]));
        EventStore store = new H2EventStore(database);
        GroupCommitter committer = new GroupCommitter(store);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        out.println("ready");
        out.flush();
        List<Thread> sessions = new ArrayList<>();
        for (int s = 0; s < Integer.parseInt(args[1]); s++) {
            String session = "crash-" + s;
            sessions.add(Thread.ofVirtual().start(() -> write(committer, store, session, out)));
        }
        for (Thread t : sessions) {
            t.join();
        }
    }

    private static void write(GroupCommitter committer, EventStore store, String session, PrintStream out) {
        ChainHead head = store.head(session).orElse(ChainHead.genesis(session));
        ArrayDeque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
        while (true) {
            List<RecordedEvent> part =
                    Chains.extend(head, 1 + ThreadLocalRandom.current().nextInt(3));
            head = ChainHead.of(part.get(part.size() - 1));
            inFlight.add(committer.submit(part, List.of()).thenRun(() -> {
                synchronized (out) {
                    part.forEach(e -> out.println("ack " + e.session() + " " + e.seq()));
                    out.flush();
                }
            }));
            if (inFlight.size() > MAX_IN_FLIGHT) {
                inFlight.poll().join();
            }
        }
    }
}
