package dev.caisey.bench.append;

import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.event.Actor;
import dev.caisey.record.event.ApprovalPolicy;
import dev.caisey.record.event.ChatMessage;
import dev.caisey.record.event.Endpoint;
import dev.caisey.record.event.Event;
import dev.caisey.record.event.Organisation;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import dev.caisey.record.event.SessionOpened;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The events many sessions append, made ahead of time through {@link ChainHead} so that the benchmark times storing
 * them, not making them: each session opens, then its technician writes a chat line per event.
 */
final class SyntheticChains {
    private static final Actor TECHNICIAN = new Actor(Role.TECHNICIAN, "u-bench", "Bench Technician");
    private static final long START_MICROS = 1_795_000_000_000_000L;

    private SyntheticChains() {}

    /** {@code sessions} chains of {@code eventsPerSession} events each, session ids starting with {@code prefix}. */
    static List<List<RecordedEvent>> make(String prefix, int sessions, int eventsPerSession) {
        List<List<RecordedEvent>> chains = new ArrayList<>(sessions);
        for (int s = 0; s < sessions; s++) {
            String session = prefix + "-" + s;
            ChainHead head = ChainHead.genesis(session);
            List<RecordedEvent> chain = new ArrayList<>(eventsPerSession);
            for (int i = 0; i < eventsPerSession; i++) {
                Event event = i == 0
                        ? new SessionOpened(
                                new Endpoint("e-" + s, "BENCH-" + s, "Debian GNU/Linux 12"),
                                new Organisation("o-bench", "Bench Co", "UTC", 60L, ApprovalPolicy.NONE),
                                null,
                                null)
                        : new ChatMessage("Line " + i + ": restarting the print spooler and checking the queue.");
                RecordedEvent e = head.next(START_MICROS + i, UUID.randomUUID().toString(), TECHNICIAN, null, event);
                head = head.after(e);
                chain.add(e);
            }
            chains.add(List.copyOf(chain));
        }
        return List.copyOf(chains);
    }

    /** Every event, round by round: the first event of every session, then the second of every session, and so on. */
    static List<RecordedEvent> roundRobin(List<List<RecordedEvent>> chains) {
        List<RecordedEvent> all = new ArrayList<>();
        int rounds = chains.stream().mapToInt(List::size).max().orElse(0);
        for (int r = 0; r < rounds; r++) {
            for (List<RecordedEvent> chain : chains) {
                if (r < chain.size()) {
                    all.add(chain.get(r));
                }
            }
        }
        return all;
    }
}
