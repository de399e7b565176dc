package dev.caisey.bench.search;

import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.event.Actor;
import dev.caisey.record.event.ApprovalPolicy;
import dev.caisey.record.event.ChatMessage;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.CommandRequested;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.Endpoint;
import dev.caisey.record.event.Event;
import dev.caisey.record.event.NoteAdded;
import dev.caisey.record.event.Organisation;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.OutputChannel;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import dev.caisey.record.event.SessionClosed;
import dev.caisey.record.event.SessionOpened;
import dev.caisey.record.event.Shell;
import dev.caisey.record.event.Verdict;
import dev.caisey.record.event.VerificationRecorded;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The sessions of a busy MSP's mirror, built like the server builds them (every event through {@link ChainHead}) from
 * a fixed seed: {@value #ORGANISATIONS} organisations, {@value #ENDPOINTS} endpoints, {@value #TECHNICIANS}
 * technicians, sessions of {@value #EVENTS_PER_SESSION} events a day apart in turn, each a rhythm of chat, commands,
 * output (service tables, disk figures, error codes, update numbers), notes and verifications, closed with an outcome.
 * The words come from small vocabularies so that common words match thousands of events and codes only a few.
 */
final class SyntheticMirror {
    static final int ORGANISATIONS = 20;
    static final int ENDPOINTS = 500;
    static final int TECHNICIANS = 15;
    static final int EVENTS_PER_SESSION = 100;

    /** The first session opens at 2026-01-01T00:00:00Z; each later one an hour later. */
    static final long START_MICROS = 1_767_225_600_000_000L;

    static final long SESSION_SPACING_MICROS = 3_600_000_000L;
    static final List<String> SERVICES = List.of(
            "Spooler",
            "wuauserv",
            "BITS",
            "Dnscache",
            "W32Time",
            "LanmanServer",
            "WinRM",
            "Audiosrv",
            "sshd",
            "cups",
            "nginx",
            "postgresql",
            "docker",
            "Netlogon",
            "EventLog",
            "TermService");
    static final List<String> WORDS = List.of(
            "printer",
            "queue",
            "stuck",
            "restart",
            "disk",
            "full",
            "update",
            "pending",
            "reboot",
            "driver",
            "network",
            "share",
            "mapped",
            "drive",
            "password",
            "expired",
            "locked",
            "account",
            "backup",
            "failed",
            "certificate",
            "renewed",
            "firewall",
            "rule",
            "blocked",
            "outlook",
            "profile",
            "corrupt",
            "rebuilt",
            "vpn",
            "tunnel",
            "timeout",
            "dns",
            "cache",
            "flushed",
            "license",
            "activated",
            "scanner",
            "email",
            "quota",
            "archive");

    private static final List<Outcome> OUTCOMES =
            List.of(Outcome.RESOLVED, Outcome.RESOLVED, Outcome.RESOLVED, Outcome.ESCALATED, Outcome.UNRESOLVED);

    private final Random random;

    SyntheticMirror(long seed) {
        this.random = new Random(seed);
    }

    /** Session number {@code n} (from 0), complete with its events. */
    List<RecordedEvent> session(int n) {
        String session = "s-" + n;
        int org = n % ORGANISATIONS;
        Actor tech = new Actor(Role.TECHNICIAN, "t-" + n % TECHNICIANS, "Technician " + n % TECHNICIANS);
        String host = "HOST-" + (n * 7919) % ENDPOINTS;
        Actor agent = new Actor(Role.AGENT, "a-" + host, host);
        Actor client = new Actor(Role.CLIENT, "c-" + n, "Client " + org);
        long at = START_MICROS + n * SESSION_SPACING_MICROS;
        ChainHead head = ChainHead.genesis(session);
        List<RecordedEvent> events = new ArrayList<>(EVENTS_PER_SESSION);
        List<Actor> actors = new ArrayList<>(EVENTS_PER_SESSION);
        List<Event> data = new ArrayList<>(EVENTS_PER_SESSION);
        actors.add(tech);
        data.add(new SessionOpened(
                new Endpoint("e-" + host, host, "Windows 11 Pro"),
                new Organisation("o-" + org, "Organisation " + org, "Europe/Berlin", 240L, ApprovalPolicy.RISKY),
                "HD-" + n,
                null));
        for (int c = 0; data.size() < EVENTS_PER_SESSION - 1; c++) {
            String id = "c-" + c;
            String service = pick(SERVICES);
            int kind = random.nextInt(4);
            add(actors, data, tech, new ChatMessage("I will check " + sentence(6) + " on " + service + "."));
            add(actors, data, client, new ChatMessage("Thanks, the " + sentence(4) + " again."));
            add(
                    actors,
                    data,
                    tech,
                    new CommandRequested(id, Shell.POWERSHELL, command(kind, service), null, 60, null, false));
            add(actors, data, agent, new CommandStarted(id, null));
            add(actors, data, agent, new CommandOutput(id, OutputChannel.STDOUT, 0, output(kind, service)));
            add(actors, data, agent, new CommandFinished(id, 0, 900, 80, false));
            add(actors, data, tech, new NoteAdded("Found " + sentence(8) + "; code 0x8007" + hex4() + "."));
            add(actors, data, tech, new VerificationRecorded(id, Verdict.PASSED, service + " " + sentence(3)));
        }
        while (data.size() > EVENTS_PER_SESSION - 1) {
            data.remove(data.size() - 1);
            actors.remove(actors.size() - 1);
        }
        add(actors, data, tech, new SessionClosed("Done: " + sentence(5) + ".", pick(OUTCOMES)));
        for (int i = 0; i < data.size(); i++) {
            at += 1_000_000 + random.nextInt(20_000_000);
            RecordedEvent e = head.next(at, session + "-" + i, actors.get(i), null, data.get(i));
            head = head.after(e);
            events.add(e);
        }
        return events;
    }

    private static void add(List<Actor> actors, List<Event> data, Actor actor, Event event) {
        actors.add(actor);
        data.add(event);
    }

    private String command(int kind, String service) {
        return switch (kind) {
            case 0 -> "Get-Service " + service;
            case 1 -> "Restart-Service " + service + " -Force";
            case 2 -> "Get-PSDrive C | Select-Object Used,Free";
            default -> "Get-HotFix | Where-Object HotFixID -eq KB50" + (10_000 + random.nextInt(90_000));
        };
    }

    private String output(int kind, String service) {
        return switch (kind) {
            case 0, 1 -> "Status   Name      DisplayName\r\nRunning  " + service + "   " + sentence(3) + "\r\n";
            case 2 -> "Used " + random.nextInt(500) + " GB  Free " + random.nextInt(50) + " GB  " + sentence(4);
            default ->
                "Source  Description  HotFixID  InstalledOn\r\nHOST  Security Update  KB50"
                        + (10_000 + random.nextInt(90_000)) + "  " + sentence(2) + "\r\n";
        };
    }

    private String sentence(int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append(i == 0 ? "" : " ").append(pick(WORDS));
        }
        return b.toString();
    }

    private String hex4() {
        return String.format(java.util.Locale.ROOT, "%04X", random.nextInt(0x10000));
    }

    <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
