package dev.caisey.installer.demo;

import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.session.CommandPhase;
import dev.caisey.console.session.CommandView;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.Verdict;
import dev.caisey.record.protocol.ClientInvited;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The demo's sample sessions, told through the real protocol with real commands run by the agent on this computer:
 * the printer-spooler story of the design (stuck jobs cleared after the client's approval, the fix verified), a
 * clean-up the client declines (escalated), and a quick check with a verification that fails before one that
 * passes. Each returns its session id.
 */
final class Stories {
    private final ConsoleClient client;
    private final LocalSetup.Running demo;
    private final String endpoint;
    private final Clock clock;
    private final Duration pace;

    /** Stories on {@code endpoint}, with {@code pace} between a person's steps so their timelines read naturally. */
    Stories(ConsoleClient client, LocalSetup.Running demo, String endpoint, Clock clock, Duration pace) {
        this.client = client;
        this.demo = demo;
        this.endpoint = endpoint;
        this.clock = clock;
        this.pace = pace;
    }

    /** A person takes a moment between two steps. */
    private void beat() {
        if (!pace.isZero()) {
            LocalSetup.sleep(pace);
        }
    }

    /** HD-4471: printing stopped; three stuck jobs, cleared once Maria approves; the queue is then empty. */
    String printerSpooler() {
        Path spool = demo.spool();
        try (Technician dana = Technician.open(
                        client, endpoint, "HD-4471", clock.instant().minus(Duration.ofMinutes(22)));
                ClientSide maria = join(dana, "Maria Lopez")) {
            beat();
            dana.chat("Hi Maria, this is Dana from Northwind IT. I'm looking at the print queue now.");
            beat();
            maria.chat("Thank you! Nothing has printed since this morning.");
            beat();
            dana.run("ls -l " + quoted(spool), "List the jobs waiting in the print queue");
            beat();
            CommandView clear = dana.run("rm -f " + quoted(spool) + "/*.job", "Remove the three stuck print jobs");
            expect(clear, CommandPhase.AWAITING_APPROVAL, "the clean-up to wait for Maria's approval");
            beat();
            maria.answer(dana.approvalOf(clear.commandId()), true, null);
            expect(dana.finished(clear.commandId()), CommandPhase.FINISHED, "the clean-up to run after approval");
            beat();
            CommandView check = dana.run("ls " + quoted(spool) + " | wc -l", "Count the jobs left in the queue");
            beat();
            dana.verify(check.commandId(), Verdict.PASSED, "The print queue is empty and Maria's test page printed.");
            beat();
            dana.note("The stuck jobs came from the 08:02 invoice batch; suggested sending batches after 10:00.");
            beat();
            maria.chat("It printed. Thanks so much!");
            beat();
            dana.close("Cleared three stuck jobs from the print queue; a test page printed.", Outcome.RESOLVED);
            return dana.session();
        }
    }

    /** HD-4480: the technician wants to clear a cache; the client declines until her manager agrees. */
    String declinedCleanUp() {
        try (Technician dana = Technician.open(
                        client, endpoint, "HD-4480", clock.instant().minus(Duration.ofMinutes(95)));
                ClientSide omar = join(dana, "Omar Haddad")) {
            beat();
            dana.chat("Hello Omar, I'm checking the free space on the shared drive.");
            beat();
            dana.run("df -h /", "Show the free space on the main disk");
            beat();
            dana.run("du -sh " + quoted(demo.spool().getParent()), "Measure the demo's data folder");
            beat();
            CommandView cleanUp = dana.run(
                    "rm -rf " + quoted(demo.spool().getParent().resolve("cache")), "Delete the old cache folder");
            expect(cleanUp, CommandPhase.AWAITING_APPROVAL, "the deletion to wait for Omar's approval");
            beat();
            omar.answer(dana.approvalOf(cleanUp.commandId()), false, "Please wait until my manager has agreed.");
            expect(dana.finished(cleanUp.commandId()), CommandPhase.DENIED, "the declined deletion not to run");
            beat();
            omar.chat("Sorry, I need to ask my manager first.");
            beat();
            dana.note("Client asked to wait for her manager before anything is deleted; booked an on-site visit.");
            beat();
            dana.verify(null, Verdict.FAILED, "The shared drive is still nearly full; nothing was removed.");
            beat();
            dana.close(
                    "Nothing deleted at the client's request; handed to the on-site visit on Friday.",
                    Outcome.ESCALATED);
            return dana.session();
        }
    }

    /** HD-4492: after a router swap, the clock and name lookups are checked; no approval needed. */
    String networkCheck() {
        try (Technician dana =
                Technician.open(client, endpoint, "HD-4492", clock.instant().minus(Duration.ofMinutes(8)))) {
            beat();
            CommandView clock = dana.run("date -u", "Show the computer's clock in UTC");
            beat();
            dana.verify(clock.commandId(), Verdict.PASSED, "The clock is right to the second.");
            beat();
            CommandView lookup = dana.run("getent hosts localhost", "Look up a name on this computer");
            beat();
            dana.verify(lookup.commandId(), Verdict.PASSED, "Name lookups answer again after the router swap.");
            beat();
            dana.run("uname -sr", "Show the operating system version");
            beat();
            dana.close("Clock and name lookups checked after the router swap; both fine.", Outcome.RESOLVED);
            return dana.session();
        }
    }

    /** A session left open for the person trying the demo, with an invitation for the client's page. */
    ClientInvited liveSession() {
        Technician dana =
                Technician.open(client, endpoint, "HD-4500", clock.instant().minus(Duration.ofMinutes(3)));
        beat();
        dana.chat("Hello! This session stays open for you to try Caisey.");
        return dana.invite();
    }

    private ClientSide join(Technician technician, String name) {
        ClientInvited invited = technician.invite();
        return ClientSide.join(demo.address(), demo.fingerprint(), invited.code(), name);
    }

    private static void expect(CommandView command, CommandPhase phase, String what) {
        if (command.phase() != phase) {
            throw new DemoException("Expected " + what + ", but the command is " + command.phase() + ".");
        }
    }

    private static String quoted(Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }
}
