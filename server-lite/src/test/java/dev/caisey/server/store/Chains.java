package dev.caisey.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.event.Actor;
import dev.caisey.record.event.ChatMessage;
import dev.caisey.record.event.Event;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import dev.caisey.record.json.EventCodec;
import java.util.ArrayList;
import java.util.List;

/** Builds chained events for tests and checks chains read back from a store. */
final class Chains {
    static final Actor TECHNICIAN = new Actor(Role.TECHNICIAN, "t-1", "Dana Whitfield");
    private static final long START_MICROS = 1_760_000_000_000_000L;

    private Chains() {}

    /** The first {@code count} events of a new session, chat messages with ids {@code <session>-<seq>}. */
    static List<RecordedEvent> chain(String session, int count) {
        return extend(ChainHead.genesis(session), count);
    }

    /** {@code count} events continuing {@code head}. */
    static List<RecordedEvent> extend(ChainHead head, int count) {
        List<RecordedEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordedEvent e = next(head, new ChatMessage("message " + (head.seq() + 1)));
            events.add(e);
            head = head.after(e);
        }
        return events;
    }

    /** The event after {@code head} carrying {@code event}. */
    static RecordedEvent next(ChainHead head, Event event) {
        long seq = head.seq() + 1;
        return head.next(START_MICROS + seq * 1_000, head.session() + "-" + seq, TECHNICIAN, null, event);
    }

    /** Asserts that events are a session's whole chain from event 1: numbered without gaps, linked and hashed. */
    static void assertVerifies(String session, List<RecordedEvent> events) {
        ChainHead head = ChainHead.genesis(session);
        for (RecordedEvent e : events) {
            assertThat(ChainHead.hashOf(EventCodec.toJson(e)))
                    .as("hash of event %d", e.seq())
                    .isEqualTo(e.hash());
            head = head.after(e);
        }
    }

    /** Every event of a session, read page by page. */
    static List<RecordedEvent> all(EventStore store, String session) {
        List<RecordedEvent> all = new ArrayList<>();
        for (List<RecordedEvent> page = store.events(session, 0, EventStore.MAX_PAGE_EVENTS);
                !page.isEmpty();
                page = store.events(session, page.get(page.size() - 1).seq(), EventStore.MAX_PAGE_EVENTS)) {
            all.addAll(page);
        }
        return all;
    }
}
