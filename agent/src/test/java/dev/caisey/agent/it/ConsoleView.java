package dev.caisey.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.event.CommandCancelled;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.CommandTimedOut;
import dev.caisey.record.event.Event;
import dev.caisey.record.event.OutputChannel;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Shell;
import dev.caisey.record.protocol.CommandRequest;
import dev.caisey.record.protocol.EventPush;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.SessionCreated;
import dev.caisey.record.protocol.SessionOpen;
import dev.caisey.record.protocol.SessionSubscribe;
import dev.caisey.server.it.ServerFixture;
import dev.caisey.server.it.WireClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** A technician's console on one session: requests commands and reads the record as it is written. */
final class ConsoleView implements AutoCloseable {
    final WireClient wire;
    final String session;
    private final List<RecordedEvent> record = new ArrayList<>();

    ConsoleView(ServerFixture fixture, String endpointId) throws Exception {
        wire = fixture.console("sam");
        session = wire.ask(new SessionOpen(endpointId, "HD-1", null), SessionCreated.class)
                .session();
        wire.ask(new SessionSubscribe(session, 0), Ok.class);
    }

    void request(String commandId, String script, long timeoutSeconds) throws Exception {
        wire.ask(new CommandRequest(session, commandId, Shell.SH, script, null, timeoutSeconds, null, false), Ok.class);
    }

    /** Reads the record until an event matches, within {@code wait}; returns it. */
    RecordedEvent await(Predicate<RecordedEvent> match, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        for (RecordedEvent seen : record) {
            if (match.test(seen)) {
                return seen;
            }
        }
        while (System.nanoTime() < deadline) {
            RecordedEvent next = wire.awaitBody(EventPush.class).event();
            assertThat(next.seq()).as("record in order without gaps").isEqualTo(record.size() + 1);
            record.add(next);
            if (match.test(next)) {
                return next;
            }
        }
        throw new AssertionError("no matching event within " + wait);
    }

    /** The command's last event, once it is recorded. */
    Event end(String commandId, Duration wait) throws InterruptedException {
        return await(e -> isEnd(e.event(), commandId), wait).event();
    }

    static boolean isEnd(Event event, String commandId) {
        return (event instanceof CommandFinished f && f.commandId().equals(commandId))
                || (event instanceof CommandCancelled c && c.commandId().equals(commandId))
                || (event instanceof CommandTimedOut t && t.commandId().equals(commandId));
    }

    List<RecordedEvent> record() {
        return List.copyOf(record);
    }

    /** A command's output on one channel as recorded, checking that every chunk follows the previous one exactly. */
    String output(String commandId, OutputChannel channel) {
        StringBuilder text = new StringBuilder();
        for (RecordedEvent e : record) {
            if (e.event() instanceof CommandOutput o && o.commandId().equals(commandId) && o.channel() == channel) {
                assertThat(o.offset()).as("chunk offset (no gap, no repeat)").isEqualTo(text.length());
                text.append(o.text());
            }
        }
        return text.toString();
    }

    /** Checks that no event id was recorded twice. */
    void assertNoDuplicateIds() {
        Set<String> ids = new HashSet<>();
        for (RecordedEvent e : record) {
            if (e.id() != null) {
                assertThat(ids.add(e.id()))
                        .as("event id %s recorded once", e.id())
                        .isTrue();
            }
        }
    }

    @Override
    public void close() throws java.io.IOException {
        wire.close();
    }
}
