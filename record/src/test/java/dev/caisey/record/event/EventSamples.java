package dev.caisey.record.event;

import java.util.List;

/** One valid instance of every event type, with every optional member set where the type has one. */
public final class EventSamples {
    private EventSamples() {}

    /** An instance of each type, in catalog order. */
    public static List<Event> all() {
        return List.of(
                new SessionOpened(
                        new Endpoint("e-1", "PRN-ACCT-01", "Windows 11 Pro"),
                        new Organisation("o-1", "Harbor Accounting", "America/New_York", 240L, ApprovalPolicy.RISKY),
                        "HD-1",
                        1_700_000_000_000_000L),
                new ParticipantJoined("console 0.1.0"),
                new ParticipantLeft("connection lost"),
                new ChatMessage("Is that okay? <img src=x onerror=alert(1)> \u00e9\uD83D\uDE00"),
                new NoteAdded("line one\nline two\ttabbed \"quoted\" \\ backslash"),
                new CommandRequested("c-1", Shell.POWERSHELL, "Restart-Service Spooler", "C:\\", 120, "Restart", true),
                new ApprovalRequested("a-1", "c-1", "Restart the Print Spooler service", "Printing stops.", 42L),
                new ApprovalGranted("a-1"),
                new ApprovalDenied("a-1", "not now"),
                new ApprovalExpired("a-1"),
                new CommandStarted("c-1", 4242L),
                new CommandOutput("c-1", OutputChannel.STDERR, 17, "\u001b[31mred\u001b[0m\r\n"),
                new CommandFinished("c-1", -1, 1234, 17, true),
                new CommandCancelled("c-1", "technician cancelled"),
                new CommandTimedOut("c-1", 60, 60_001),
                new VerificationRecorded(null, Verdict.FAILED, "Still stuck."),
                new SessionClosed("Escalated to the vendor.", Outcome.ESCALATED));
    }
}
