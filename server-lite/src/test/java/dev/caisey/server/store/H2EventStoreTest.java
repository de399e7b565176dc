package dev.caisey.server.store;

import static dev.caisey.server.store.Chains.chain;
import static dev.caisey.server.store.Chains.extend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.event.Actor;
import dev.caisey.record.event.Event;
import dev.caisey.record.event.EventSamples;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import dev.caisey.server.ServerException;
import dev.caisey.server.db.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2EventStoreTest {
    private static final String KEY_ID = "ab".repeat(32);

    @TempDir
    Path dir;

    private Database database;
    private H2EventStore store;

    @BeforeEach
    void open() {
        database = Database.open(dir);
        store = new H2EventStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void readsBackEveryEventTypeEqualToWhatWasAppended() {
        List<RecordedEvent> events = new ArrayList<>();
        ChainHead head = ChainHead.genesis("s-all");
        Actor agent = new Actor(Role.AGENT, "a-1", "PRN-ACCT-01");
        for (Event event : EventSamples.all()) {
            RecordedEvent e = head.next(1_700_000_000_000_000L + head.seq(), "id-" + head.seq(), agent, 42L, event);
            events.add(e);
            head = head.after(e);
        }
        Checkpoint cp = checkpoint(events.get(events.size() - 1));

        store.append(events, List.of(cp));

        assertThat(store.events("s-all", 0, 100)).isEqualTo(events);
        assertThat(store.checkpoints("s-all")).containsExactly(cp);
        assertThat(store.head("s-all")).contains(head);
        assertThat(store.count("s-all")).isEqualTo(events.size());
        assertThat(store.findByEventId("s-all", "id-3")).contains(events.get(3));
        assertThat(store.findByEventId("s-all", "no-such-id")).isEmpty();
        assertThat(store.sessions()).containsExactly("s-all");
    }

    @Test
    void storesInterleavedSessionsOfOneBatch() {
        List<RecordedEvent> a = chain("s-a", 3);
        List<RecordedEvent> b = chain("s-b", 2);

        store.append(List.of(a.get(0), b.get(0), a.get(1), b.get(1), a.get(2)), List.of());

        assertThat(store.events("s-a", 0, 10)).isEqualTo(a);
        assertThat(store.events("s-b", 0, 10)).isEqualTo(b);
        assertThat(store.sessions()).containsExactly("s-a", "s-b");
    }

    @Test
    void refusesAGapAndStoresNothingOfTheBatch() {
        List<RecordedEvent> a = chain("s-a", 5);
        store.append(a.subList(0, 3), List.of());

        assertRefused(() -> store.append(concat(chain("s-b", 2), a.subList(4, 5)), List.of()), ErrorCode.CHAIN_BROKEN)
                .hasMessageContaining("expected seq 4");
        assertNothingAddedBeyond(3);
    }

    @Test
    void refusesAnEventWhosePrevIsNotTheStoredHead() {
        store.append(chain("s-a", 3), List.of());
        RecordedEvent forked = foreignFourth();

        assertRefused(() -> store.append(concat(chain("s-b", 1), List.of(forked)), List.of()), ErrorCode.CHAIN_BROKEN)
                .hasMessageContaining("prev");
        assertNothingAddedBeyond(3);
    }

    @Test
    void refusesEventsOfOneSessionOutOfOrder() {
        List<RecordedEvent> a = chain("s-a", 5);
        store.append(a.subList(0, 3), List.of());

        assertRefused(() -> store.append(List.of(a.get(4), a.get(3)), List.of()), ErrorCode.CHAIN_BROKEN);
        assertNothingAddedBeyond(3);
    }

    @Test
    void refusesAnEventWhoseHashDoesNotMatchItsContent() {
        RecordedEvent e = chain("s-a", 1).get(0);
        RecordedEvent tampered = new RecordedEvent(
                e.session(), e.seq(), e.at() + 1, e.id(), e.actor(), null, e.event(), e.prev(), e.hash());

        assertRefused(() -> store.append(List.of(tampered), List.of()), ErrorCode.CHAIN_BROKEN)
                .hasMessageContaining("hash");
        assertThat(store.head("s-a")).isEmpty();
    }

    @Test
    void refusesAnEventIdAlreadyStoredInTheSession() {
        List<RecordedEvent> a = chain("s-a", 3);
        store.append(a, List.of());
        ChainHead head = ChainHead.of(a.get(2));
        RecordedEvent resent = head.next(
                head.at() + 1, a.get(1).id(), Chains.TECHNICIAN, null, a.get(1).event());

        assertRefused(() -> store.append(concat(chain("s-b", 2), List.of(resent)), List.of()), ErrorCode.CONFLICT)
                .hasMessageContaining(a.get(1).id());
        assertNothingAddedBeyond(3);
        assertThat(store.findByEventId("s-a", a.get(1).id())).contains(a.get(1));
    }

    @Test
    void refusesAnEventIdRepeatedWithinOneBatch() {
        RecordedEvent first = chain("s-a", 1).get(0);
        RecordedEvent again = ChainHead.of(first).next(first.at(), first.id(), Chains.TECHNICIAN, null, first.event());

        assertRefused(() -> store.append(List.of(first, again), List.of()), ErrorCode.CONFLICT);
        assertThat(store.count("s-a")).isZero();
    }

    @Test
    void refusesACheckpointOfAnEventThatIsNotStored() {
        List<RecordedEvent> a = chain("s-a", 4);
        store.append(a.subList(0, 2), List.of());

        assertRefused(() -> store.append(List.of(a.get(2)), List.of(checkpoint(a.get(3)))), ErrorCode.CHAIN_BROKEN);
        Checkpoint wrongHash = new Checkpoint("s-a", 2, "cd".repeat(32), 1L, KEY_ID, "c2lnbmF0dXJl");
        assertRefused(() -> store.append(List.of(), List.of(wrongHash)), ErrorCode.CHAIN_BROKEN)
                .hasMessageContaining("hash");
        assertThat(store.count("s-a")).isEqualTo(2);
        assertThat(store.checkpoints("s-a")).isEmpty();

        store.append(List.of(), List.of(checkpoint(a.get(1))));
        assertRefused(() -> store.append(List.of(), List.of(checkpoint(a.get(1)))), ErrorCode.CONFLICT);
        assertThat(store.checkpoints("s-a")).containsExactly(checkpoint(a.get(1)));
    }

    @Test
    void pagesEventsAfterAGivenSeq() {
        List<RecordedEvent> a = chain("s-a", 25);
        store.append(a, List.of());

        assertThat(store.events("s-a", 0, 10)).isEqualTo(a.subList(0, 10));
        assertThat(store.events("s-a", 10, 10)).isEqualTo(a.subList(10, 20));
        assertThat(store.events("s-a", 20, 10)).isEqualTo(a.subList(20, 25));
        assertThat(store.events("s-a", 25, 10)).isEmpty();
        assertThat(store.events("s-a", 0, Integer.MAX_VALUE)).isEqualTo(a);
        assertThat(store.events("unknown", 0, 10)).isEmpty();
        assertRefused(() -> store.events("s-a", -1, 10), ErrorCode.INVALID);
        assertRefused(() -> store.events("s-a", 0, 0), ErrorCode.INVALID);
    }

    @Test
    void keepsEverythingAfterReopenAndContinuesTheChain() {
        List<RecordedEvent> a = chain("s-a", 10);
        store.append(a, List.of(checkpoint(a.get(9))));
        database.close();

        database = Database.open(dir);
        store = new H2EventStore(database);
        assertThat(store.events("s-a", 0, 100)).isEqualTo(a);
        assertThat(store.checkpoints("s-a")).containsExactly(checkpoint(a.get(9)));

        List<RecordedEvent> more = extend(store.head("s-a").orElseThrow(), 5);
        store.append(more, List.of());
        Chains.assertVerifies("s-a", Chains.all(store, "s-a"));
        assertThat(store.count("s-a")).isEqualTo(15);
    }

    private void assertNothingAddedBeyond(long seqOfA) {
        assertThat(store.head("s-a").orElseThrow().seq()).isEqualTo(seqOfA);
        assertThat(store.count("s-a")).isEqualTo(seqOfA);
        assertThat(store.head("s-b")).isEmpty();
        assertThat(store.count("s-b")).isZero();
        assertThat(store.sessions()).containsExactly("s-a");
    }

    /** A fourth event for session s-a from a different history (another third event before it). */
    private static RecordedEvent foreignFourth() {
        List<RecordedEvent> other = chain("s-a", 2);
        ChainHead head = ChainHead.of(other.get(1));
        RecordedEvent third = head.next(
                head.at() + 7, "other-3", Chains.TECHNICIAN, null, other.get(0).event());
        return Chains.extend(ChainHead.of(third), 1).get(0);
    }

    private static Checkpoint checkpoint(RecordedEvent e) {
        return new Checkpoint(e.session(), e.seq(), e.hash(), e.at() + 5, KEY_ID, "c2lnbmF0dXJl");
    }

    private static List<RecordedEvent> concat(List<RecordedEvent> a, List<RecordedEvent> b) {
        List<RecordedEvent> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
            ThrowingCallable call, ErrorCode code) {
        return assertThatThrownBy(call)
                .isInstanceOf(ServerException.class)
                .satisfies(e -> assertThat(((ServerException) e).code()).isEqualTo(code));
    }
}
