package dev.caisey.console.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.UiQueue;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.protocol.SessionInfo;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionsViewModelTest {
    private static final long HOUR_MICROS = 3_600_000_000L;
    private static final long NOON = 1_764_072_000_000_000L;
    private static final SessionInfo OLD_OPEN =
            new SessionInfo("s-1", "o-harbor", "PRN-ACCT-01", "dana", "HD-4471", NOON, null, null, 12);
    private static final SessionInfo NEW_CLOSED = new SessionInfo(
            "s-2",
            "o-bakery",
            "KIOSK-2",
            "sam",
            null,
            NOON + HOUR_MICROS,
            NOON + 2 * HOUR_MICROS,
            Outcome.RESOLVED,
            30);
    private static final SessionInfo NEW_OPEN =
            new SessionInfo("s-3", "o-harbor", "LT-DANA", "dana", "HD-4480", NOON + 3 * HOUR_MICROS, null, null, 3);

    private final UiQueue ui = new UiQueue();
    private final Background background = new Background(ui);
    private final List<SessionInfo> opened = new ArrayList<>();
    private CompletableFuture<List<SessionInfo>> next = CompletableFuture.completedFuture(List.of());
    private int asked;
    private final SessionsViewModel vm = new SessionsViewModel(
            background,
            () -> {
                asked++;
                return next;
            },
            opened::add,
            id -> Map.of("o-harbor", "Harbor Accounting LLP").getOrDefault(id, id),
            ZoneId.of("UTC"));

    @AfterEach
    void stop() {
        background.close();
    }

    @Test
    void listsOpenSessionsFirstThenTheNewest() {
        next = CompletableFuture.completedFuture(List.of(NEW_CLOSED, OLD_OPEN, NEW_OPEN));
        vm.refresh();
        ui.pump();
        assertThat(asked).isEqualTo(1);
        assertThat(vm.shown()).containsExactly(NEW_OPEN, OLD_OPEN, NEW_CLOSED);
        assertThat(SessionsViewModel.state(NEW_CLOSED)).isEqualTo("closed: resolved");
        assertThat(SessionsViewModel.state(OLD_OPEN)).isEqualTo("open");
        assertThat(vm.opened(OLD_OPEN)).isEqualTo("2025-11-25 12:00");
        assertThat(vm.closed(NEW_CLOSED)).isEqualTo("2025-11-25 14:00");
        assertThat(vm.closed(OLD_OPEN)).isEmpty();
        assertThat(vm.organisation(OLD_OPEN)).isEqualTo("Harbor Accounting LLP");
        assertThat(vm.organisation(NEW_CLOSED)).isEqualTo("o-bakery");
    }

    @Test
    void searchesEndpointOrganisationTechnicianTicketAndState() {
        vm.show(List.of(OLD_OPEN, NEW_CLOSED, NEW_OPEN));
        vm.search().set("harbor accounting");
        assertThat(vm.shown()).containsExactly(NEW_OPEN, OLD_OPEN);
        vm.search().set("hd-4471");
        assertThat(vm.shown()).containsExactly(OLD_OPEN);
        vm.search().set("SAM");
        assertThat(vm.shown()).containsExactly(NEW_CLOSED);
        vm.search().set("resolved");
        assertThat(vm.shown()).containsExactly(NEW_CLOSED);
        vm.search().set("nothing like this");
        assertThat(vm.shown()).isEmpty();
        assertThat(vm.all()).hasSize(3);
        vm.search().set("");
        assertThat(vm.shown()).hasSize(3);
    }

    @Test
    void opensTheSelectedSessionAndAsksForAChoiceOtherwise() {
        vm.show(List.of(OLD_OPEN, NEW_CLOSED));
        vm.open();
        assertThat(opened).isEmpty();
        assertThat(vm.message().get()).isEqualTo("Choose a session in the list first.");
        vm.selected().set(NEW_CLOSED);
        vm.open();
        assertThat(opened).containsExactly(NEW_CLOSED);
        assertThat(vm.message().get()).isEmpty();
    }

    @Test
    void aRefreshKeepsTheSelectionWhenTheSessionIsStillListed() {
        vm.show(List.of(OLD_OPEN, NEW_OPEN));
        vm.selected().set(OLD_OPEN);
        SessionInfo nowClosed = new SessionInfo(
                "s-1", "o-harbor", "PRN-ACCT-01", "dana", "HD-4471", NOON, NOON + HOUR_MICROS, Outcome.ESCALATED, 14);
        next = CompletableFuture.completedFuture(List.of(nowClosed, NEW_OPEN));
        vm.refresh();
        ui.pump();
        assertThat(vm.selected().get()).isEqualTo(nowClosed);
        assertThat(vm.shown()).containsExactly(NEW_OPEN, nowClosed);
        next = CompletableFuture.completedFuture(List.of(NEW_OPEN));
        vm.refresh();
        ui.pump();
        assertThat(vm.selected().get()).isNull();
    }

    @Test
    void aFailedRefreshSaysWhyAndKeepsTheList() {
        vm.show(List.of(OLD_OPEN));
        next = CompletableFuture.failedFuture(
                new ConsoleException(ConsoleException.Failure.NOT_SIGNED_IN, "Sign in first."));
        vm.refresh();
        assertThat(vm.busy().get()).isTrue();
        ui.pump();
        assertThat(vm.busy().get()).isFalse();
        assertThat(vm.message().get())
                .startsWith("The sessions could not be listed: ")
                .endsWith("Press Refresh to try again.");
        assertThat(vm.all()).containsExactly(OLD_OPEN);
    }
}
