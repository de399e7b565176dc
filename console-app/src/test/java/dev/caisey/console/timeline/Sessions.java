package dev.caisey.console.timeline;

import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.event.Actor;
import dev.caisey.record.event.ApprovalDenied;
import dev.caisey.record.event.ApprovalPolicy;
import dev.caisey.record.event.ApprovalRequested;
import dev.caisey.record.event.ChatMessage;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.CommandRequested;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.Endpoint;
import dev.caisey.record.event.Event;
import dev.caisey.record.event.Micros;
import dev.caisey.record.event.Organisation;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.OutputChannel;
import dev.caisey.record.event.ParticipantJoined;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import dev.caisey.record.event.SessionClosed;
import dev.caisey.record.event.SessionOpened;
import dev.caisey.record.event.Shell;
import dev.caisey.record.event.Verdict;
import dev.caisey.record.event.VerificationRecorded;
import dev.caisey.record.sample.PrinterSpoolerScenario;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Real, hashed sessions for the timeline's tests: the printer-spooler sample, sessions written step by step at chosen
 * times, and a long generated one in the technician's working rhythm (a chat line, a command requested, started, one
 * line of output and finished, over and over), built like the benchmark's synthetic session.
 */
final class Sessions {
    static final Actor TECHNICIAN = new Actor(Role.TECHNICIAN, "u-dana", "Dana Whitfield");
    static final Actor CLIENT = new Actor(Role.CLIENT, "c-maria", "Maria Lopez");
    static final Actor AGENT = new Actor(Role.AGENT, "a-host-01", "HOST-01");

    private static final String OUTPUT_LINE =
            "Status   Name               DisplayName\r\nRunning  Spooler  Print Spooler\r\n";

    private final List<RecordedEvent> events = new ArrayList<>();
    private ChainHead head;

    private Sessions(String session) {
        head = ChainHead.genesis(session);
    }

    /** The printer-spooler session of DESIGN.md (New York, 19 events). */
    static List<RecordedEvent> printerSpooler() {
        return PrinterSpoolerScenario.export().events();
    }

    /**
     * A session in Paris where things go wrong before they go right: a restart the client declines, twelve quiet
     * minutes, a check that fails with error output, then one that passes.
     */
    static List<RecordedEvent> troubled() {
        long expires = Micros.of(Instant.parse("2026-11-17T10:00:00Z"));
        return opened("s-troubled", "2026-11-17T09:00:00Z", "Europe/Paris")
                .at("2026-11-17T09:00:05Z", CLIENT, new ParticipantJoined("browser"))
                .at(
                        "2026-11-17T09:00:20Z",
                        TECHNICIAN,
                        new CommandRequested(
                                "cmd-1", Shell.POWERSHELL, "Restart-Service Spooler", null, 60, null, true))
                .at(
                        "2026-11-17T09:00:21Z",
                        Actor.SERVER,
                        new ApprovalRequested("apr-1", "cmd-1", "Restart the Print Spooler service", null, expires))
                .at("2026-11-17T09:00:40Z", CLIENT, new ApprovalDenied("apr-1", "I am printing payroll"))
                .at("2026-11-17T09:12:40Z", CLIENT, new ChatMessage("Payroll is done, go ahead."))
                .at(
                        "2026-11-17T09:13:00Z",
                        TECHNICIAN,
                        new CommandRequested("cmd-2", Shell.POWERSHELL, "Get-Service Spooler", null, 60, null, false))
                .at("2026-11-17T09:13:01Z", AGENT, new CommandStarted("cmd-2", 7L))
                .at(
                        "2026-11-17T09:13:02Z",
                        AGENT,
                        new CommandOutput(
                                "cmd-2",
                                OutputChannel.STDOUT,
                                0,
                                "Status   Name     DisplayName\r\nStopped  Spooler  Print Spooler\r\n"))
                .at(
                        "2026-11-17T09:13:02Z",
                        AGENT,
                        new CommandOutput(
                                "cmd-2", OutputChannel.STDERR, 0, "WARNING: 14 jobs are stuck in the queue\n"))
                .at("2026-11-17T09:13:03Z", AGENT, new CommandFinished("cmd-2", 1, 900, 90, false))
                .at(
                        "2026-11-17T09:13:10Z",
                        TECHNICIAN,
                        new VerificationRecorded(
                                "cmd-2", Verdict.FAILED, "The Print Spooler service is still stopped."))
                .at(
                        "2026-11-17T09:14:10Z",
                        TECHNICIAN,
                        new VerificationRecorded(null, Verdict.PASSED, "The client printed a test page."))
                .events();
    }

    /** A session opened at {@code openedAt} (ISO instant) for an organisation in {@code zone} with a 60 min target. */
    static Sessions opened(String session, String openedAt, String zone) {
        Sessions s = new Sessions(session);
        s.at(
                openedAt,
                TECHNICIAN,
                new SessionOpened(
                        new Endpoint("e-host-01", "HOST-01", "Windows 11 Pro"),
                        new Organisation("o-test", "Test Org", zone, 60L, ApprovalPolicy.RISKY),
                        "HD-1",
                        null));
        return s;
    }

    /** A record whose first event is a chat message rather than the session opening. */
    static List<RecordedEvent> unopened() {
        return new Sessions("s-unopened")
                .at("2026-11-17T09:00:00Z", TECHNICIAN, new ChatMessage("hello"))
                .events();
    }

    /** Adds an event at {@code isoInstant}. */
    Sessions at(String isoInstant, Actor actor, Event event) {
        long at = Micros.of(Instant.parse(isoInstant));
        String id = UUID.nameUUIDFromBytes((head.session() + "/" + (head.seq() + 1)).getBytes(StandardCharsets.UTF_8))
                .toString();
        RecordedEvent e = head.next(at, id, actor, null, event);
        head = head.after(e);
        events.add(e);
        return this;
    }

    /** The events so far. */
    List<RecordedEvent> events() {
        return List.copyOf(events);
    }

    /** A closed session of exactly {@code count} events one millisecond apart, in Berlin. */
    static List<RecordedEvent> synthetic(int count) {
        Sessions s = opened("s-long", "2026-11-17T08:00:00Z", "Europe/Berlin");
        long start = s.events.getFirst().at();
        for (int i = 1; i < count - 1; i++) {
            String command = "cmd-" + ((i - 1) / 5);
            Event event = switch (i % 5) {
                case 1 -> new ChatMessage("Checking the print spooler on this machine, step " + i + ".");
                case 2 -> new CommandRequested(command, Shell.SH, "systemctl status cups", null, 60, null, false);
                case 3 -> new CommandStarted(command, 4_000L + i);
                case 4 -> new CommandOutput(command, OutputChannel.STDOUT, 0, OUTPUT_LINE);
                default -> new CommandFinished(command, 0, 12, OUTPUT_LINE.length(), false);
            };
            s.micros(start + i * 1_000L, i % 5 == 1 || i % 5 == 2 ? TECHNICIAN : AGENT, event);
        }
        s.micros(start + (count - 1) * 1_000L, TECHNICIAN, new SessionClosed("Done.", Outcome.RESOLVED));
        return s.events();
    }

    private void micros(long at, Actor actor, Event event) {
        RecordedEvent e = head.next(at, "e-" + (head.seq() + 1), actor, null, event);
        head = head.after(e);
        events.add(e);
    }
}
