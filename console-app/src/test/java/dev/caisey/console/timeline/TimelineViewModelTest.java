package dev.caisey.console.timeline;

import static dev.caisey.console.timeline.Sessions.AGENT;
import static dev.caisey.console.timeline.Sessions.CLIENT;
import static dev.caisey.console.timeline.Sessions.TECHNICIAN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.UiQueue;
import dev.caisey.console.timeline.ApprovalPath.Stage;
import dev.caisey.console.timeline.TimelineRow.EventRow;
import dev.caisey.console.timeline.TimelineRow.GapRow;
import dev.caisey.console.timeline.TimelineRow.Mark;
import dev.caisey.console.timeline.TimelineRow.OutputRow;
import dev.caisey.record.event.Actor;
import dev.caisey.record.event.ApprovalDenied;
import dev.caisey.record.event.ApprovalExpired;
import dev.caisey.record.event.ApprovalRequested;
import dev.caisey.record.event.ChatMessage;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.CommandRequested;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.EventType;
import dev.caisey.record.event.Micros;
import dev.caisey.record.event.OutputChannel;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import dev.caisey.record.event.Shell;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimelineViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final UiQueue ui = new UiQueue();
    private final Background background = new Background(ui);

    @AfterEach
    void stop() {
        background.close();
    }

    private TimelineViewModel loaded(TimelineSource source) throws InterruptedException {
        return loaded(new TimelineViewModel(background, source));
    }

    private TimelineViewModel loaded(TimelineViewModel vm) throws InterruptedException {
        vm.load();
        ui.pumpUntil(WAIT, () -> !vm.loading().get());
        assertThat(vm.message().get()).isEmpty();
        return vm;
    }

    private static List<EventRow> events(TimelineViewModel vm) {
        return vm.rows().stream()
                .filter(EventRow.class::isInstance)
                .map(EventRow.class::cast)
                .toList();
    }

    private static EventRow row(TimelineViewModel vm, EventType type, int nth) {
        return events(vm).stream().filter(r -> r.type() == type).toList().get(nth);
    }

    @Test
    void wordsEveryEventButOutputInTheOrganisationsZoneWithUtcBeside() throws InterruptedException {
        TimelineViewModel vm = loaded(new ListSource(Sessions.printerSpooler()));

        List<EventRow> rows = events(vm);
        assertThat(rows).hasSize(18).allMatch(r -> r.type() != EventType.COMMAND_OUTPUT);
        assertThat(vm.rows()).hasSize(18);
        EventRow first = rows.getFirst();
        assertThat(first.entry().time()).isEqualTo("10:15:32");
        assertThat(first.utcTime()).isEqualTo("15:15:32 UTC");
        assertThat(first.entry().text()).isEqualTo("Dana Whitfield connected to PRN-ACCT-01 for ticket HD-4471");
        assertThat(row(vm, EventType.APPROVAL_GRANTED, 0).lane()).isEqualTo(Role.CLIENT);
        assertThat(row(vm, EventType.APPROVAL_GRANTED, 0).entry().text())
                .isEqualTo("Maria Lopez approved “Restart the Print Spooler service”");
        assertThat(row(vm, EventType.VERIFICATION_RECORDED, 0).mark()).isEqualTo(Mark.PASSED);
        assertThat(rows.stream().filter(r -> r.mark() != Mark.NONE)).hasSize(1);
        assertThat(vm.progress().get()).isEqualTo(1.0);
    }

    @Test
    void theRestartCarriesItsWholeApprovalPath() throws InterruptedException {
        TimelineViewModel vm = loaded(new ListSource(Sessions.printerSpooler()));

        EventRow restart = row(vm, EventType.COMMAND_REQUESTED, 0);
        assertThat(restart.path().stages())
                .containsExactly(Stage.REQUESTED, Stage.PROMPTED, Stage.APPROVED, Stage.STARTED, Stage.FINISHED);
        assertThat(restart.path().text())
                .isEqualTo("requested 10:15:53 → prompted 10:15:53 → approved 10:16:01 by Maria Lopez"
                        + " → started 10:16:04 → finished 10:16:05 exit 0");
        EventRow check = row(vm, EventType.COMMAND_REQUESTED, 1);
        assertThat(check.path().stages()).containsExactly(Stage.REQUESTED, Stage.STARTED, Stage.FINISHED);
        assertThat(row(vm, EventType.CHAT_MESSAGE, 0).path()).isNull();
    }

    private static List<RecordedEvent> refusedCommands() {
        return Sessions.opened("s-refused", "2026-11-17T15:00:00Z", "Europe/Paris")
                .at("2026-11-17T15:00:10Z", TECHNICIAN, restart("cmd-1"))
                .at("2026-11-17T15:00:11Z", Actor.SERVER, prompt("apr-1", "cmd-1"))
                .at("2026-11-17T15:00:30Z", CLIENT, new ApprovalDenied("apr-1", "not now"))
                .at("2026-11-17T15:01:00Z", TECHNICIAN, restart("cmd-2"))
                .at("2026-11-17T15:01:01Z", Actor.SERVER, prompt("apr-2", "cmd-2"))
                .at("2026-11-17T15:06:01Z", Actor.SERVER, new ApprovalExpired("apr-2"))
                .events();
    }

    private static CommandRequested restart(String id) {
        return new CommandRequested(id, Shell.POWERSHELL, "Restart-Service Spooler", null, 60, null, true);
    }

    private static ApprovalRequested prompt(String approval, String command) {
        long expires = Micros.of(Instant.parse("2026-11-17T16:00:00Z"));
        return new ApprovalRequested(approval, command, "Restart the Print Spooler service", null, expires);
    }

    @Test
    void aDeclinedAndAnExpiredRequestEndTheirPathsWithNothingRun() throws InterruptedException {
        TimelineViewModel vm = loaded(new ListSource(refusedCommands()));

        EventRow denied = row(vm, EventType.COMMAND_REQUESTED, 0);
        assertThat(denied.path().stages()).containsExactly(Stage.REQUESTED, Stage.PROMPTED, Stage.DENIED);
        assertThat(denied.path().text()).endsWith("declined 16:00:30 by Maria Lopez");
        assertThat(denied.path().ended()).isTrue();
        EventRow expired = row(vm, EventType.COMMAND_REQUESTED, 1);
        assertThat(expired.path().stages()).containsExactly(Stage.REQUESTED, Stage.PROMPTED, Stage.EXPIRED);
        assertThat(row(vm, EventType.APPROVAL_EXPIRED, 0).lane()).isEqualTo(Role.SERVER);
        assertThat(row(vm, EventType.APPROVAL_DENIED, 0).commandId()).isEqualTo("cmd-1");
    }

    @Test
    void aPathStartedInOnePageGrowsWhenLaterPagesArrive() throws InterruptedException {
        ListSource source = new ListSource(Sessions.printerSpooler()).reveal(7);
        TimelineViewModel vm = loaded(source);
        assertThat(row(vm, EventType.COMMAND_REQUESTED, 0).path().stages())
                .containsExactly(Stage.REQUESTED, Stage.PROMPTED);

        source.reveal(19);
        vm.refresh();
        ui.pumpUntil(WAIT, () -> vm.loadedSeq() == 19 && !vm.loading().get());

        assertThat(row(vm, EventType.COMMAND_REQUESTED, 0).path().current()).isEqualTo(Stage.FINISHED);
        assertThat(events(vm)).hasSize(18);
    }

    @Test
    void aRefreshReadsOnlyTheEventsAfterTheLastOneRead() throws InterruptedException {
        ListSource source = new ListSource(Sessions.printerSpooler()).reveal(10);
        TimelineViewModel vm = loaded(source);
        assertThat(source.asked()).containsExactly(0L);
        List<Long> before = events(vm).stream().map(EventRow::seq).toList();

        source.reveal(19);
        vm.refresh();
        ui.pumpUntil(WAIT, () -> vm.loadedSeq() == 19 && !vm.loading().get());
        vm.refresh();
        ui.pumpUntil(WAIT, () -> source.asked().size() == 3 && !vm.loading().get());

        assertThat(source.asked()).containsExactly(0L, 10L, 19L);
        List<Long> seqs = events(vm).stream().map(EventRow::seq).toList();
        assertThat(seqs)
                .startsWith(before.toArray(Long[]::new))
                .doesNotHaveDuplicates()
                .isSorted();
        assertThat(seqs).hasSize(18);
    }

    @Test
    void filtersHideRowsWithoutReadingAgain() throws InterruptedException {
        ListSource source = new ListSource(Sessions.printerSpooler());
        TimelineViewModel vm = loaded(source);
        int asked = source.asked().size();

        vm.shownActors().remove(Role.CLIENT);
        assertThat(events(vm)).hasSize(14).noneMatch(r -> r.lane() == Role.CLIENT);

        vm.shownTypes().retainAll(List.of(EventType.CHAT_MESSAGE));
        assertThat(events(vm))
                .extracting(r -> r.entry().text())
                .containsExactly(
                        "Dana Whitfield wrote: “I see the print spooler is stuck. I need to restart it. Is that okay?”");

        vm.shownActors().add(Role.CLIENT);
        assertThat(events(vm)).hasSize(2);
        vm.shownTypes().addAll(TimelineViewModel.filterableTypes());
        assertThat(events(vm)).hasSize(18);
        assertThat(source.asked()).hasSize(asked);
    }

    @Test
    void choosingSeveralTypesAtOnceLaysTheRowsOutOnce() throws InterruptedException {
        TimelineViewModel vm = loaded(new ListSource(Sessions.printerSpooler()));
        int[] changes = new int[1];
        vm.rows().addListener((javafx.collections.ListChangeListener<TimelineRow>) c -> changes[0]++);

        vm.showOnlyTypes(List.of(EventType.APPROVAL_GRANTED, EventType.VERIFICATION_RECORDED));

        assertThat(events(vm))
                .extracting(EventRow::type)
                .containsExactly(EventType.APPROVAL_GRANTED, EventType.VERIFICATION_RECORDED);
        assertThat(changes[0]).isOne();
        assertThat(vm.shownTypes())
                .containsExactlyInAnyOrder(EventType.APPROVAL_GRANTED, EventType.VERIFICATION_RECORDED);
    }

    @Test
    void aQuietStretchLongerThanTheThresholdIsShownAsAGap() throws InterruptedException {
        List<RecordedEvent> events = Sessions.opened("s-gap", "2026-11-17T09:00:00Z", "UTC")
                .at("2026-11-17T09:01:00Z", TECHNICIAN, new ChatMessage("one"))
                .at("2026-11-17T09:04:00Z", CLIENT, new ChatMessage("two"))
                .at("2026-11-17T09:16:00Z", TECHNICIAN, new ChatMessage("three"))
                .events();
        TimelineViewModel vm = loaded(new ListSource(events));

        assertThat(vm.rows()).hasSize(5);
        assertThat(vm.rows().get(3)).isInstanceOfSatisfying(GapRow.class, g -> {
            assertThat(g.text()).isEqualTo("12 min without activity");
            assertThat(g.seq()).isEqualTo(4);
        });

        vm.shownActors().remove(Role.CLIENT);
        List<String> gaps = vm.rows().stream()
                .filter(GapRow.class::isInstance)
                .map(r -> ((GapRow) r).text())
                .toList();
        assertThat(gaps).containsExactly("15 min without activity");

        TimelineViewModel tight =
                loaded(new TimelineViewModel(background, new ListSource(events), Duration.ofSeconds(90)));
        assertThat(tight.rows().stream().filter(GapRow.class::isInstance)).hasSize(2);
    }

    @Test
    void jumpsToTheFirstRowAtOrAfterALocalTime() throws InterruptedException {
        TimelineViewModel vm = loaded(new ListSource(Sessions.printerSpooler()));

        assertThat(vm.jumpTo("10:16")).isTrue();
        assertThat(vm.rows().get(vm.focus().get())).isEqualTo(row(vm, EventType.APPROVAL_GRANTED, 0));
        assertThat(vm.jumpTo("10:16:30")).isTrue();
        assertThat(vm.rows().get(vm.focus().get())).isEqualTo(row(vm, EventType.VERIFICATION_RECORDED, 0));
        assertThat(vm.jumpTo("2026-11-17 10:17")).isTrue();
        assertThat(((EventRow) vm.rows().get(vm.focus().get())).entry().time()).isEqualTo("10:17:12");
        assertThat(vm.jumpTo("15:16"))
                .as("a UTC time is not the organisation's time")
                .isFalse();
        assertThat(vm.message().get()).contains("Nothing shown happened at or after 17 Nov 2026 15:16:00");

        int focus = vm.focus().get();
        assertThat(vm.jumpTo("25:99")).isFalse();
        assertThat(vm.message().get())
                .isEqualTo(
                        "“25:99” is not a time. Type it as 10:15, 10:15:30 or 2026-11-17 10:15, in the client’s zone.");
        assertThat(vm.jumpTo("soon")).isFalse();
        assertThat(vm.focus().get()).isEqualTo(focus);
    }

    @Test
    void aTimeOfDayFindsTheRightSideOfMidnightInTheOrganisationsZone() throws InterruptedException {
        List<RecordedEvent> events = Sessions.opened("s-night", "2026-11-17T17:45:00Z", "Asia/Kolkata")
                .at("2026-11-17T18:10:00Z", TECHNICIAN, new ChatMessage("before midnight"))
                .at("2026-11-17T18:40:00Z", TECHNICIAN, new ChatMessage("after midnight"))
                .events();
        TimelineViewModel vm = loaded(new ListSource(events));

        assertThat(row(vm, EventType.SESSION_OPENED, 0).entry().time()).isEqualTo("23:15:00");
        assertThat(vm.jumpTo("00:05")).isTrue();
        assertThat(((EventRow) vm.rows().get(vm.focus().get())).entry().text()).endsWith("“after midnight”");
        assertThat(vm.jumpTo("23:30")).isTrue();
        assertThat(((EventRow) vm.rows().get(vm.focus().get())).entry().text()).endsWith("“before midnight”");
        assertThat(vm.jumpTo("23:15")).isTrue();
        assertThat(vm.focus().get()).isZero();
    }

    @Test
    void theHeadlineGivesTheMomentsAndTheTargetMet() throws InterruptedException {
        TimelineViewModel vm = loaded(new ListSource(Sessions.printerSpooler()));

        HeadlineFigures h = vm.headline().get();
        assertThat(h.moments())
                .extracting(f -> f.label() + " " + f.value())
                .containsExactly("Connected 10:15:32", "First action 10:16:04", "Verified 10:16:30", "Closed 10:17:45");
        assertThat(h.sentence()).startsWith("Connected 10:15:32, fix verified 10:16:30 — 58 seconds after connection");
        assertThat(h.verdict()).isEqualTo(HeadlineFigures.Verdict.MET);
        assertThat(h.result()).startsWith("target met");
    }

    @Test
    void theHeadlineOfAnOpenSessionWithoutAVerifiedFixSaysSo() throws InterruptedException {
        TimelineViewModel vm = loaded(new ListSource(refusedCommands()));

        HeadlineFigures h = vm.headline().get();
        assertThat(h.verdict()).isEqualTo(HeadlineFigures.Verdict.OPEN);
        assertThat(h.moments()).extracting(f -> f.value()).containsExactly("16:00:00", "—", "—", "—");
        assertThat(h.sentence()).contains("no verified fix").contains("session still open");
    }

    @Test
    void expandingACommandShowsItsOutputUnderItAndCollapsingHidesIt() throws InterruptedException {
        TimelineViewModel vm = loaded(new ListSource(Sessions.printerSpooler()));
        EventRow check = row(vm, EventType.COMMAND_REQUESTED, 1);
        int at = vm.rows().indexOf(check);

        vm.toggleOutput(check);
        ui.pumpUntil(WAIT, () -> vm.isExpanded(check.seq()));

        List<String> lines = vm.rows().subList(at + 1, at + 6).stream()
                .map(r -> ((OutputRow) r).text())
                .toList();
        assertThat(lines)
                .containsExactly(
                        "",
                        "Status   Name               DisplayName",
                        "------   ----               -----------",
                        "Running  Spooler            Print Spooler",
                        "");
        assertThat(vm.rows()).hasSize(23);
        vm.shownActors().remove(Role.CLIENT);
        assertThat(vm.rows().stream().filter(OutputRow.class::isInstance)).hasSize(5);
        vm.shownActors().add(Role.CLIENT);

        vm.toggleOutput(check);
        assertThat(vm.rows()).hasSize(18);
        assertThat(vm.isExpanded(check.seq())).isFalse();
    }

    @Test
    void theUnfoldedOutputOfARunningCommandGrowsWithEachRefresh() throws InterruptedException {
        List<RecordedEvent> events = Sessions.opened("s-live", "2026-11-17T09:00:00Z", "UTC")
                .at(
                        "2026-11-17T09:00:01Z",
                        TECHNICIAN,
                        new CommandRequested("c", Shell.SH, "ping -c 3 printer", null, 60, null, false))
                .at("2026-11-17T09:00:02Z", AGENT, new CommandStarted("c", 1L))
                .at("2026-11-17T09:00:03Z", AGENT, new CommandOutput("c", OutputChannel.STDOUT, 0, "reply 1\n"))
                .at("2026-11-17T09:00:04Z", TECHNICIAN, new ChatMessage("still pinging"))
                .at("2026-11-17T09:00:05Z", AGENT, new CommandOutput("c", OutputChannel.STDOUT, 8, "reply 2\n"))
                .at(
                        "2026-11-17T09:00:06Z",
                        AGENT,
                        new dev.caisey.record.event.CommandFinished("c", 0, 4_000, 16, false))
                .events();
        ListSource source = new ListSource(events).reveal(4);
        TimelineViewModel vm = loaded(source);
        EventRow command = row(vm, EventType.COMMAND_REQUESTED, 0);
        vm.toggleOutput(command);
        ui.pumpUntil(WAIT, () -> vm.isExpanded(command.seq()));
        assertThat(output(vm)).containsExactly("reply 1");

        source.reveal(7);
        vm.refresh();
        ui.pumpUntil(WAIT, () -> output(vm).size() == 2 && !vm.loading().get());

        assertThat(output(vm)).containsExactly("reply 1", "reply 2");
        assertThat(vm.rows().get(vm.rows().indexOf(row(vm, EventType.COMMAND_REQUESTED, 0)) + 2))
                .isInstanceOf(OutputRow.class);
        assertThat(events(vm)).extracting(EventRow::type).contains(EventType.CHAT_MESSAGE, EventType.COMMAND_FINISHED);
    }

    private static List<String> output(TimelineViewModel vm) {
        return vm.rows().stream()
                .filter(OutputRow.class::isInstance)
                .map(r -> ((OutputRow) r).text())
                .toList();
    }

    @Test
    void longOutputShowsItsLastLinesWithTheCountLeftOut() throws InterruptedException {
        Sessions s = Sessions.opened("s-output", "2026-11-17T09:00:00Z", "UTC")
                .at(
                        "2026-11-17T09:00:01Z",
                        TECHNICIAN,
                        new CommandRequested("c", Shell.SH, "journalctl", null, 60, null, false))
                .at("2026-11-17T09:00:02Z", AGENT, new CommandStarted("c", 1L));
        String chunk = IntStream.range(0, 500).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
        for (int i = 0; i < 5; i++) {
            s.at(
                    "2026-11-17T09:00:0" + (3 + i) + "Z",
                    AGENT,
                    new CommandOutput("c", OutputChannel.STDOUT, i * 4_000L, chunk));
        }
        TimelineViewModel vm = loaded(new ListSource(s.events()));
        EventRow command = row(vm, EventType.COMMAND_REQUESTED, 0);

        vm.toggleOutput(command);
        ui.pumpUntil(WAIT, () -> vm.isExpanded(command.seq()));

        List<OutputRow> output = vm.rows().stream()
                .filter(OutputRow.class::isInstance)
                .map(OutputRow.class::cast)
                .toList();
        assertThat(output).hasSize(OutputAssembler.MAX_LINES + 1);
        assertThat(output.getFirst().note()).isTrue();
        assertThat(output.getFirst().text()).isEqualTo("500 earlier lines not shown");
        assertThat(output.get(1).text()).isEqualTo("line 0");
        assertThat(output.getLast().text()).isEqualTo("line 499");
    }

    @Test
    void aSelectionAskedBeforeTheEventIsReadIsMadeWhenItArrives() throws InterruptedException {
        TimelineViewModel vm = new TimelineViewModel(background, new ListSource(Sessions.synthetic(12_000)));
        vm.select(10_998);
        loaded(vm);

        EventRow selected = (EventRow) vm.rows().get(vm.focus().get());
        assertThat(selected.seq()).isEqualTo(10_998);
        assertThat(selected.type()).isEqualTo(EventType.COMMAND_REQUESTED);
        vm.select(11_000);
        assertThat(((EventRow) vm.rows().get(vm.focus().get())).type())
                .as("an output chunk has no row of its own: the next shown event is selected")
                .isEqualTo(EventType.COMMAND_FINISHED);
        assertThat(vm.loadedSeq()).isEqualTo(12_000);
    }

    @Test
    void aRecordThatDoesNotStartWithTheOpeningIsRefusedInWords() throws InterruptedException {
        TimelineViewModel vm = new TimelineViewModel(background, new ListSource(Sessions.unopened()));
        vm.load();
        ui.pumpUntil(WAIT, () -> !vm.loading().get());

        assertThat(vm.message().get())
                .startsWith("This record does not start with the session opening (event 1 is chat.message)");
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void aPageThatDoesNotContinueThePreviousOneIsRefusedWithNothingShown() throws InterruptedException {
        List<RecordedEvent> events = Sessions.printerSpooler();
        TimelineViewModel vm = new TimelineViewModel(background, new ListSource(events.subList(1, events.size())));
        vm.load();
        ui.pumpUntil(WAIT, () -> !vm.loading().get());

        assertThat(vm.message().get())
                .isEqualTo("The stored record of this session is out of order: event 1 of s-20261117-prn-acct-01 was"
                        + " expected, event 2 of s-20261117-prn-acct-01 came. Sync the session again.");
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.headline().get()).isNull();
    }
}
