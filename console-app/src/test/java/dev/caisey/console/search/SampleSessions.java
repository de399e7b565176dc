package dev.caisey.console.search;

import dev.caisey.console.session.Chains;
import dev.caisey.record.event.Actor;
import dev.caisey.record.event.ApprovalPolicy;
import dev.caisey.record.event.ApprovalRequested;
import dev.caisey.record.event.ChatMessage;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.CommandRequested;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.Endpoint;
import dev.caisey.record.event.Micros;
import dev.caisey.record.event.NoteAdded;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Three real, hashed sessions for the search tests: the printer-spooler story at Harbor Accounting (resolved), a kiosk
 * whose disk is full at a bakery (escalated) and a laptop check at Harbor that is still open. Events are one second
 * apart from each session's start.
 */
final class SampleSessions {
    static final Instant PRINTER_START = Instant.parse("2026-11-17T15:15:32Z");
    static final Instant KIOSK_START = Instant.parse("2026-11-18T09:00:00Z");
    static final Instant LAPTOP_START = Instant.parse("2026-11-19T11:30:00Z");

    static final Actor DANA = new Actor(Role.TECHNICIAN, "dana", "Dana Whitfield");
    static final Actor SAM = new Actor(Role.TECHNICIAN, "sam", "Sam Ortiz");
    static final Actor CLIENT = new Actor(Role.CLIENT, "c-1", "Priya Natarajan");
    static final Actor AGENT = new Actor(Role.AGENT, "a-1", "PRN-ACCT-01");

    private static final Organisation HARBOR =
            new Organisation("o-harbor", "Harbor Accounting LLP", "America/New_York", 240L, ApprovalPolicy.RISKY);
    private static final Organisation BAKERY =
            new Organisation("o-bakery", "Baker Street Bakery", "Europe/London", null, ApprovalPolicy.NONE);

    private SampleSessions() {}

    /** The printer-spooler story: 11 events, 8 of them searchable. */
    static List<RecordedEvent> printer() {
        Chains c = new Chains("s-printer", Micros.of(PRINTER_START) - 1_000_000);
        List<RecordedEvent> e = new ArrayList<>();
        e.addAll(c.add(DANA, opened("ep-1", "PRN-ACCT-01", HARBOR)));
        e.addAll(c.add(DANA, new ChatMessage("I see the print spooler is stuck. I need to restart it. Is that okay?")));
        e.addAll(c.add(
                DANA,
                new CommandRequested(
                        "c-1", Shell.POWERSHELL, "Restart-Service Spooler", null, 60, "Restart the spooler", true)));
        e.addAll(c.add(
                Actor.SERVER,
                new ApprovalRequested("ap-1", "c-1", "Restart the Print Spooler service", null, 1L << 52)));
        e.addAll(c.add(CLIENT, new ParticipantJoined("link")));
        e.addAll(c.add(AGENT, new CommandStarted("c-1", 4242L)));
        e.addAll(c.add(
                AGENT,
                new CommandOutput(
                        "c-1",
                        OutputChannel.STDOUT,
                        0,
                        "Status   Name               DisplayName\r\nRunning  Spooler            Print Spooler\r\n")));
        e.addAll(c.add(DANA, new NoteAdded("Cleared 14 stuck jobs from the PRINTERS folder before the restart.")));
        e.addAll(c.add(DANA, new VerificationRecorded("c-1", Verdict.PASSED, "Get-Service Spooler reports Running")));
        e.addAll(c.add(CLIENT, new ChatMessage("It worked, the test page printed.")));
        e.addAll(c.add(DANA, new SessionClosed("Restarted the print spooler; test page printed.", Outcome.RESOLVED)));
        return e;
    }

    /** A kiosk with a full disk, escalated to the vendor: 5 events, 4 searchable. */
    static List<RecordedEvent> kiosk() {
        Chains c = new Chains("s-kiosk", Micros.of(KIOSK_START) - 1_000_000);
        List<RecordedEvent> e = new ArrayList<>();
        e.addAll(c.add(SAM, opened("ep-2", "KIOSK-2", BAKERY)));
        e.addAll(c.add(SAM, new CommandRequested("c-9", Shell.SH, "df -h /", null, 30, null, false)));
        e.addAll(c.add(
                AGENT,
                new CommandOutput("c-9", OutputChannel.STDOUT, 0, "/dev/sda1  29G  29G  0 100% /\nspooler idle\n")));
        e.addAll(c.add(SAM, new NoteAdded("The client declined the clean-up of old receipts.")));
        e.addAll(c.add(SAM, new SessionClosed("Disk full; handed to the kiosk vendor.", Outcome.ESCALATED)));
        return e;
    }

    /** A laptop check at Harbor, still open: 3 events, 2 searchable. */
    static List<RecordedEvent> laptop() {
        Chains c = new Chains("s-laptop", Micros.of(LAPTOP_START) - 1_000_000);
        List<RecordedEvent> e = new ArrayList<>();
        e.addAll(c.add(DANA, opened("ep-3", "LT-DANA", HARBOR)));
        e.addAll(c.add(
                DANA, new CommandRequested("c-20", Shell.POWERSHELL, "Get-Service Spooler", null, 60, null, false)));
        e.addAll(c.add(DANA, new ChatMessage("Checking whether your spooler runs here too.")));
        return e;
    }

    /** A session of {@code events} events: opened, then chat lines "hello N". */
    static List<RecordedEvent> chatter(String session, int events) {
        Chains c = new Chains(session, Micros.of(LAPTOP_START));
        List<RecordedEvent> e = new ArrayList<>(c.add(DANA, opened("ep-9", "BIG-1", BAKERY)));
        for (int i = 1; i < events; i++) {
            e.addAll(c.add(CLIENT, new ChatMessage("hello " + i)));
        }
        return e;
    }

    /** Every sample session added to {@code index}. */
    static void addAll(SearchIndex index) {
        for (List<RecordedEvent> s : List.of(printer(), kiosk(), laptop())) {
            index.add(SessionFacts.of(s.get(0)), s);
        }
    }

    private static SessionOpened opened(String id, String name, Organisation org) {
        return new SessionOpened(new Endpoint(id, name, "Windows 11 Pro"), org, "HD-1", null);
    }
}
