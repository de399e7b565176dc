package dev.caisey.console.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.UiQueue;
import dev.caisey.console.session.Chains;
import dev.caisey.console.session.CommandPhase;
import dev.caisey.record.event.Actor;
import dev.caisey.record.event.ApprovalGranted;
import dev.caisey.record.event.ApprovalPolicy;
import dev.caisey.record.event.ApprovalRequested;
import dev.caisey.record.event.ChatMessage;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.CommandRequested;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.Endpoint;
import dev.caisey.record.event.Micros;
import dev.caisey.record.event.Organisation;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.OutputChannel;
import dev.caisey.record.event.ParticipantJoined;
import dev.caisey.record.event.Role;
import dev.caisey.record.event.SessionClosed;
import dev.caisey.record.event.SessionOpened;
import dev.caisey.record.event.Shell;
import dev.caisey.record.event.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkspaceViewModelTest {
    private static final Instant REPORTED = Instant.parse("2026-11-17T15:00:00Z");
    private static final Instant OPENED = Instant.parse("2026-11-17T15:15:32Z");
    private static final Actor DANA = new Actor(Role.TECHNICIAN, "dana", "Dana Whitfield");
    private static final Actor MARIA = new Actor(Role.CLIENT, "c-maria", "Maria Lopez");
    private static final Actor AGENT = new Actor(Role.AGENT, "a-1", "PRN-ACCT-01 agent");

    private final UiQueue ui = new UiQueue();
    private final Background background = new Background(ui);
    private final RecordedActions actions = new RecordedActions();
    private final Chains chain = new Chains("s-1", Micros.of(OPENED) - 1_000_000);
    private final WorkspaceViewModel vm = new WorkspaceViewModel("s-1", actions, background, Instant::toString);
    private final List<Notice> notices = new ArrayList<>();

    WorkspaceViewModelTest() {
        vm.onNotice(notices::add);
    }

    @AfterEach
    void stop() {
        background.close();
    }

    private void receive(Actor actor, dev.caisey.record.event.Event... events) {
        vm.updated(chain.snapshot(), List.of()); // an empty hand-over is harmless
        var added = chain.add(actor, events);
        vm.updated(chain.snapshot(), added);
        ui.pump();
    }

    private void open() {
        receive(
                Actor.SERVER,
                new SessionOpened(
                        new Endpoint("ep-1", "PRN-ACCT-01", "Windows 11"),
                        new Organisation(
                                "o-harbor", "Harbor Accounting LLP", "America/New_York", 240L, ApprovalPolicy.RISKY),
                        "HD-4471",
                        Micros.of(REPORTED)));
    }

    @Test
    void commandCardsFollowTheirEventsAndTheNewestIsSelected() {
        open();
        receive(DANA, new CommandRequested("c-1", Shell.SH, "echo one", null, 60, null, false));
        assertThat(vm.selected().get().phase()).isEqualTo(CommandPhase.REQUESTED);
        receive(DANA, new CommandRequested("c-2", Shell.SH, "kill -0 $$", null, 60, "End a test", false));
        receive(
                Actor.SERVER,
                new ApprovalRequested("a-1", "c-2", "End a test", null, Micros.of(OPENED) + 600_000_000L));
        assertThat(vm.model().commands()).hasSize(2);
        assertThat(vm.selected().get().commandId()).isEqualTo("c-2");
        assertThat(CommandWords.phaseWords(vm.selected().get())).isEqualTo("Waiting for the client's approval");
        receive(MARIA, new ApprovalGranted("a-1"));
        receive(AGENT, new CommandStarted("c-2", 42L), new CommandFinished("c-2", 7, 20, 0, false));
        assertThat(CommandWords.phaseWords(vm.selected().get())).isEqualTo("Finished, exit code 7");
        assertThat(notices).extracting(Notice::title).containsExactly("The client approved");
        assertThat(notices.getFirst().text()).isEqualTo("Maria Lopez approved “End a test”");
        assertThat(vm.model().commands().getFirst().phase()).isEqualTo(CommandPhase.REQUESTED);
    }

    @Test
    void outputIsSplitIntoLinesAcrossChunksWithEscapeSequencesRemoved() {
        open();
        receive(DANA, new CommandRequested("c-1", Shell.SH, "ls --color", null, 60, null, false));
        receive(
                AGENT,
                new CommandOutput("c-1", OutputChannel.STDOUT, 0, "\u001B[01;34mbin\u001B[0m\nli"),
                new CommandOutput("c-1", OutputChannel.STDERR, 0, "warn\u001B["),
                new CommandOutput("c-1", OutputChannel.STDOUT, 12, "b\r\nsrc\n"),
                new CommandOutput("c-1", OutputChannel.STDERR, 5, "1mING\u001B[0m\n"));
        assertThat(vm.model().output("c-1").lines())
                .containsExactly(
                        new OutputLine("bin", false),
                        new OutputLine("lib", false),
                        new OutputLine("warnING", true),
                        new OutputLine("src", false));
    }

    @Test
    void theClientsChatCountsAsUnreadUntilTheChatIsShownAndIsNoticed() {
        open();
        receive(MARIA, new ParticipantJoined("link"));
        assertThat(vm.model().clientPresent().get()).isTrue();
        assertThat(vm.model().clientName().get()).isEqualTo("Maria Lopez");
        receive(DANA, new ChatMessage("On it"));
        receive(MARIA, new ChatMessage("Thanks"), new ChatMessage("It printed"));
        assertThat(vm.model().unread().get()).isEqualTo(2);
        assertThat(notices).extracting(Notice::title).containsExactly("Maria Lopez wrote", "Maria Lopez wrote");
        vm.model().chatShown().set(true);
        assertThat(vm.model().unread().get()).isZero();
        receive(MARIA, new ChatMessage("Bye"));
        assertThat(vm.model().unread().get()).isZero();
        assertThat(vm.model().chat()).extracting(ChatLine::fromClient).containsExactly(false, true, true, true);
    }

    @Test
    void theClockCountsFromTheReportAgainstTheSlaTarget() {
        open();
        vm.tick(REPORTED.plus(Duration.ofMinutes(62)));
        assertThat(vm.timingText().get())
                .isEqualTo("Reported 1 h 02 min ago · connected 46 min ago · SLA 4 h 00 min: 2 h 58 min left");
        assertThat(vm.sla().get()).isEqualTo(Timing.Sla.WITHIN);
        vm.tick(REPORTED.plus(Duration.ofMinutes(250)));
        assertThat(vm.timingText().get()).endsWith("exceeded by 10 min");
        assertThat(vm.sla().get()).isEqualTo(Timing.Sla.EXCEEDED);
    }

    @Test
    void theClockStopsWhenTheSessionCloses() {
        assertThat(vm.organisationZone(java.time.ZoneOffset.UTC)).isEqualTo(java.time.ZoneOffset.UTC);
        open();
        assertThat(vm.organisationZone(java.time.ZoneOffset.UTC)).isEqualTo(java.time.ZoneId.of("America/New_York"));
        receive(DANA, new SessionClosed("Restarted the spooler", Outcome.RESOLVED));
        vm.tick(REPORTED.plus(Duration.ofMinutes(62)));
        String atClose = vm.timingText().get();
        assertThat(atClose).startsWith("At closing: Reported ");
        vm.tick(REPORTED.plus(Duration.ofDays(3)));
        assertThat(vm.timingText().get()).isEqualTo(atClose);
    }

    @Test
    void runSendsTheScriptAndRemembersItInTheHistory() {
        open();
        vm.script().set("   ");
        vm.run();
        assertThat(actions.sent).isEmpty();
        assertThat(vm.message().get()).isEqualTo("Type a command first.");
        vm.shell().set(Shell.POWERSHELL);
        vm.askApproval().set(true);
        vm.approvalPrompt().set("Restart the print spooler");
        vm.script().set("Restart-Service Spooler");
        vm.run();
        ui.pump();
        vm.script().set("Get-Service Spooler");
        vm.run();
        ui.pump();
        assertThat(actions.sent)
                .containsExactly(
                        "run powershell Restart-Service Spooler summary=Restart the print spooler ask=true",
                        "run powershell Get-Service Spooler summary=null ask=false");
        vm.script().set("draft");
        assertThat(vm.historyUp()).isTrue();
        assertThat(vm.script().get()).isEqualTo("Get-Service Spooler");
        vm.historyUp();
        assertThat(vm.script().get()).isEqualTo("Restart-Service Spooler");
        assertThat(vm.historyUp()).isFalse();
        vm.historyDown();
        vm.historyDown();
        assertThat(vm.script().get()).isEqualTo("draft");
    }

    @Test
    void aVerificationIsOfTheSelectedCommandOrDoneByHand() {
        open();
        receive(DANA, new CommandRequested("c-1", Shell.SH, "systemctl status cups", null, 60, null, false));
        vm.verify();
        assertThat(actions.sent).isEmpty();
        assertThat(vm.message().get()).contains("what was checked");
        vm.statement().set("cups is active");
        vm.verify();
        ui.pump();
        vm.verifySelected().set(false);
        vm.verdict().set(Verdict.FAILED);
        vm.statement().set("the page does not print");
        vm.verify();
        ui.pump();
        assertThat(actions.sent)
                .containsExactly("verify c-1 passed cups is active", "verify null failed the page does not print");
        assertThat(vm.statement().get()).isEmpty();
    }

    @Test
    void aRefusalIsShownInWordsAndAClosedSessionTakesNothingMore() {
        open();
        actions.refuse = "The session s-1 is closed.";
        vm.note().set("late note");
        vm.addNote();
        ui.pump();
        assertThat(vm.message().get()).startsWith("The session s-1 is closed.");
        assertThat(vm.note().get()).isEqualTo("late note");
        actions.refuse = null;
        actions.sent.clear();
        vm.resolution().set("");
        vm.close();
        assertThat(vm.message().get()).startsWith("Write the resolution first");
        receive(DANA, new SessionClosed("Restarted the spooler", Outcome.RESOLVED));
        vm.script().set("echo late");
        vm.run();
        vm.chatText().set("hello?");
        vm.sendChat();
        assertThat(actions.sent).isEmpty();
        assertThat(vm.message().get()).isEqualTo("The session is closed; nothing more can be added to it.");
        assertThat(vm.model().activity()).last().asString().contains("closed the session: resolved");
    }

    @Test
    void theInvitationArrivesAsALinkAndCode() {
        open();
        vm.invite();
        ui.pump();
        assertThat(vm.invitation().get().code()).isEqualTo("K7QW2P");
        assertThat(vm.invitation().get().url()).endsWith("/join/K7QW2P");
    }

    @Test
    void fiveMegabytesOfOutputBecomeLinesQuickly() {
        open();
        receive(DANA, new CommandRequested("c-1", Shell.SH, "big", null, 60, null, false));
        String line = "x".repeat(99) + "\n";
        String chunk = line.repeat(160); // 16,000 characters a chunk
        List<dev.caisey.record.event.Event> chunks = new ArrayList<>();
        for (int i = 0; i < 5_000_000 / chunk.length(); i++) {
            chunks.add(new CommandOutput("c-1", OutputChannel.STDOUT, (long) i * chunk.length(), chunk));
        }
        var added = chain.add(AGENT, chunks.toArray(dev.caisey.record.event.Event[]::new));
        long start = System.nanoTime();
        for (var e : added) {
            vm.updated(chain.snapshot(), List.of(e));
        }
        ui.pump();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("5 MB of output handed over and split into lines in %d ms%n", millis);
        assertThat(vm.model().output("c-1").lines()).hasSize(chunks.size() * 160);
        assertThat(millis)
                .as("5 MB of output handed over and split in %d ms", millis)
                .isLessThan(5_000);
    }
}
