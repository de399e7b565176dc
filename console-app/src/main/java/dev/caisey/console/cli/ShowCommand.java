package dev.caisey.console.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.session.SessionFeed;
import dev.caisey.console.session.SessionListener;
import dev.caisey.console.session.SessionSnapshot;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.json.Json;
import dev.caisey.record.protocol.SessionInfo;
import dev.caisey.report.phrasebook.Headline;
import dev.caisey.report.phrasebook.LocalClock;
import dev.caisey.report.phrasebook.Milestones;
import dev.caisey.report.phrasebook.Narrative;
import dev.caisey.report.phrasebook.Phrasebook;
import dev.caisey.report.phrasebook.TimelineEntry;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code caisey show SESSION}: the session's timeline in plain words, in its organisation's time zone, worded by the
 * report's phrasebook exactly as the PDF words it. The events are fetched and chain-checked first.
 */
@Command(name = "show", description = "Show a session's timeline in plain words.")
final class ShowCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    Common common;

    @Parameters(index = "0", paramLabel = "SESSION", description = "The session's id.")
    String session;

    ShowCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (ConsoleClient client = SignedIn.open(context, common)) {
            SessionInfo info = CliContext.await(client.sessions()).stream()
                    .filter(s -> s.session().equals(session))
                    .findFirst()
                    .orElseThrow(() -> new ConsoleException(
                            Failure.REFUSED, "There is no session " + session + " that you may see."));
            List<RecordedEvent> events = CliContext.await(fetch(client, info.lastSeq()));
            print(events);
        }
        return ExitCodes.OK;
    }

    private CompletableFuture<List<RecordedEvent>> fetch(ConsoleClient client, long lastSeq) {
        CompletableFuture<List<RecordedEvent>> all = new CompletableFuture<>();
        SessionFeed feed = client.follow(session, new SessionListener() {
            @Override
            public void updated(SessionSnapshot snapshot, List<RecordedEvent> added) {
                if (snapshot.lastSeq() >= lastSeq) {
                    all.complete(snapshot.events());
                }
            }

            @Override
            public void problem(ConsoleException problem) {
                all.completeExceptionally(problem);
            }
        });
        return all.whenComplete((events, failure) -> feed.close());
    }

    private void print(List<RecordedEvent> events) {
        Milestones milestones = Milestones.of(events);
        LocalClock clock = LocalClock.of(milestones.organisation().timeZone());
        Headline headline = new Headline(milestones, clock);
        Narrative narrative = new Narrative(Phrasebook.standard(), clock);
        if (common.json) {
            ObjectNode root = Json.object();
            root.put("session", session);
            root.put("headline", headline.sentence());
            root.put("utc", headline.utcSentence());
            ArrayNode lines = root.putArray("timeline");
            for (RecordedEvent e : events) {
                TimelineEntry entry = narrative.next(e);
                ObjectNode line = lines.addObject();
                line.put("seq", entry.seq());
                line.put("at", Texts.utc(entry.at()));
                line.put("time", entry.time());
                line.put("kind", entry.kind().name().toLowerCase(java.util.Locale.ROOT));
                line.put("text", entry.text());
                line.put("detail", entry.detail());
            }
            context.json(root);
            return;
        }
        context.out().println(headline.sentence());
        context.out().println(headline.utcSentence());
        context.out().println();
        for (RecordedEvent e : events) {
            TimelineEntry entry = narrative.next(e);
            context.out().println(entry.time() + "  " + entry.text());
            if (entry.detail() != null) {
                context.out().println("          " + entry.detail());
            }
        }
    }
}
