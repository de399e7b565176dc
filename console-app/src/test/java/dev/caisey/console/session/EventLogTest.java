package dev.caisey.console.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.event.Actor;
import dev.caisey.record.event.NoteAdded;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import org.junit.jupiter.api.Test;

class EventLogTest {
    private static final Actor DANA = new Actor(Role.TECHNICIAN, "dana", "Dana Whitfield");

    @Test
    void earlierSnapshotsStayUnchangedWhileTheLogGrowsPastManyResizes() {
        EventLog log = EventLog.empty();
        EventLog at10 = null;
        ChainHead head = ChainHead.genesis("s-1");
        for (int i = 1; i <= 1_000; i++) {
            RecordedEvent e = head.next(i, "e-" + i, DANA, null, new NoteAdded("note " + i));
            head = head.after(e);
            log = log.plus(e);
            if (i == 10) {
                at10 = log;
            }
        }
        assertThat(log).hasSize(1_000);
        assertThat(log.lastSeq()).isEqualTo(1_000);
        assertThat(at10).hasSize(10);
        assertThat(at10.lastSeq()).isEqualTo(10);
        assertThat(EventLog.empty().lastSeq()).isZero();
        for (int i = 0; i < log.size(); i++) {
            assertThat(log.get(i).seq()).isEqualTo(i + 1);
        }
        EventLog finished = at10;
        assertThatThrownBy(() -> finished.get(10)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void twoLogsGrownFromTheSameOneDoNotSeeEachOther() {
        ChainHead head = ChainHead.genesis("s-1");
        RecordedEvent first = head.next(1, "e-1", DANA, null, new NoteAdded("one"));
        EventLog base = EventLog.empty().plus(first);
        RecordedEvent a = head.after(first).next(2, "e-a", DANA, null, new NoteAdded("a"));
        RecordedEvent b = head.after(first).next(2, "e-b", DANA, null, new NoteAdded("b"));

        EventLog withA = base.plus(a);
        EventLog withB = base.plus(b);

        assertThat(withA).containsExactly(first, a);
        assertThat(withB).containsExactly(first, b);
        assertThat(base).containsExactly(first);
    }
}
