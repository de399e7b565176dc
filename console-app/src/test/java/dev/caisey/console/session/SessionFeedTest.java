package dev.caisey.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.event.Actor;
import dev.caisey.record.event.ChatMessage;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.SessionSubscribe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SessionFeedTest {
    private static final Actor DANA = new Actor(Role.TECHNICIAN, "dana", "Dana Whitfield");

    private final List<SessionSubscribe> subscribed = new ArrayList<>();
    private final List<CompletableFuture<Object>> answers = new ArrayList<>();
    private final List<RecordedEvent> told = new ArrayList<>();
    private final List<ConsoleException> problems = new ArrayList<>();
    private final SessionFeed feed = new SessionFeed(
            "s-1",
            new SessionListener() {
                @Override
                public void updated(SessionSnapshot snapshot, List<RecordedEvent> added) {
                    assertThat(snapshot.lastSeq()).isEqualTo(added.getLast().seq());
                    told.addAll(added);
                }

                @Override
                public void problem(ConsoleException problem) {
                    problems.add(problem);
                }
            },
            request -> {
                subscribed.add(request);
                CompletableFuture<Object> answer = new CompletableFuture<>();
                answers.add(answer);
                return answer;
            },
            () -> {});

    private static List<RecordedEvent> chain(int count) {
        List<RecordedEvent> events = new ArrayList<>();
        ChainHead head = ChainHead.genesis("s-1");
        for (int i = 1; i <= count; i++) {
            RecordedEvent e = head.next(1_000_000L * i, "e-" + i, DANA, null, new ChatMessage("message " + i));
            events.add(e);
            head = head.after(e);
        }
        return events;
    }

    private void subscribedOk() {
        answers.getLast().complete(new Ok());
    }

    @Test
    void takesTheNextEventsAndDropsDuplicates() {
        List<RecordedEvent> events = chain(5);
        feed.subscribe();
        subscribedOk();

        feed.received(events.subList(0, 3));
        feed.received(events.subList(1, 5));

        assertThat(told).containsExactlyElementsOf(events);
        assertThat(feed.duplicates()).isEqualTo(2);
        assertThat(feed.snapshot().lastSeq()).isEqualTo(5);
        assertThat(subscribed).containsExactly(new SessionSubscribe("s-1", 0));
    }

    @Test
    void aGapMakesItSubscribeAgainAfterItsLastEventOnce() {
        List<RecordedEvent> events = chain(6);
        feed.subscribe();
        subscribedOk();
        feed.received(events.subList(0, 2));

        feed.received(List.of(events.get(3)));
        feed.received(List.of(events.get(4)));

        assertThat(subscribed).containsExactly(new SessionSubscribe("s-1", 0), new SessionSubscribe("s-1", 2));
        assertThat(feed.gaps()).isEqualTo(1);
        subscribedOk();
        feed.received(events.subList(2, 6));
        assertThat(told).containsExactlyElementsOf(events);
    }

    @Test
    void refusesAnEventThatDoesNotChainOrMatchItsHash() {
        List<RecordedEvent> events = chain(3);
        List<RecordedEvent> other = new ArrayList<>(chain(3));
        RecordedEvent e2 = events.get(1);
        RecordedEvent forged = new RecordedEvent(
                e2.session(), 2, e2.at(), e2.id(), e2.actor(), null, new ChatMessage("forged"), e2.prev(), e2.hash());
        feed.subscribe();
        subscribedOk();
        feed.received(List.of(events.get(0), forged));
        RecordedEvent wrongPrev = new RecordedEvent(
                e2.session(), 2, e2.at(), e2.id(), e2.actor(), null, e2.event(), "ab".repeat(32), e2.hash());
        feed.received(List.of(wrongPrev));

        assertThat(told).containsExactly(events.get(0));
        assertThat(problems).hasSize(2).allSatisfy(p -> assertThat(p.failure()).isEqualTo(Failure.BROKEN_RECORD));
        assertThat(problems.get(0).getMessage()).contains("does not match its own hash");
        assertThat(problems.get(1).getMessage()).contains("does not follow event 1");
        assertThat(other).hasSize(3);
    }

    @Test
    void takesNothingOnceClosed() {
        feed.close();
        feed.received(chain(1));
        assertThat(told).isEmpty();
    }
}
