package dev.caisey.console.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.UiQueue;
import dev.caisey.record.protocol.EndpointInfo;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EndpointsViewModelTest {
    private static final EndpointInfo PRINTER = new EndpointInfo(
            "ep-1", "PRN-ACCT-01", "Windows 11 Pro", "o-harbor", "Harbor Accounting LLP", true, null, "0.1.0");
    private static final EndpointInfo LAPTOP = new EndpointInfo(
            "ep-2",
            "LT-DANA",
            "Ubuntu 24.04",
            "o-harbor",
            "Harbor Accounting LLP",
            false,
            1_700_000_000_000_000L,
            "0.1.0");
    private static final EndpointInfo KIOSK =
            new EndpointInfo("ep-3", "KIOSK-2", "Debian 12", "o-bakery", "Rye & Sons Bakery", true, null, "0.1.0");

    private final UiQueue ui = new UiQueue();
    private final Background background = new Background(ui);
    private final List<String> asked = new ArrayList<>();
    private final List<EndpointsViewModel.Opened> opened = new ArrayList<>();
    private final EndpointsViewModel vm = new EndpointsViewModel(
            background,
            (endpoint, ticket, reported) -> {
                asked.add(endpoint + " " + ticket + " " + reported);
                return CompletableFuture.completedFuture("s-" + endpoint);
            },
            opened::add,
            ZoneId.of("UTC"));

    @AfterEach
    void stop() {
        background.close();
    }

    @Test
    void filtersBySearchOrganisationAndPresence() {
        vm.show(List.of(PRINTER, LAPTOP, KIOSK));
        assertThat(vm.organisations())
                .containsExactly(EndpointsViewModel.ALL_ORGANISATIONS, "Harbor Accounting LLP", "Rye & Sons Bakery");
        assertThat(vm.shown()).hasSize(3);
        vm.search().set("ubuntu");
        assertThat(vm.shown()).containsExactly(LAPTOP);
        vm.search().set("");
        vm.organisation().set("Harbor Accounting LLP");
        assertThat(vm.shown()).containsExactly(PRINTER, LAPTOP);
        vm.presence().set(EndpointsViewModel.Presence.ONLINE);
        assertThat(vm.shown()).containsExactly(PRINTER);
        vm.presence().set(EndpointsViewModel.Presence.OFFLINE);
        assertThat(vm.shown()).containsExactly(LAPTOP);
    }

    @Test
    void presenceChangesKeepTheSelectionAndTheFilters() {
        vm.show(List.of(PRINTER, LAPTOP));
        vm.selected().set(LAPTOP);
        vm.presence().set(EndpointsViewModel.Presence.ONLINE);
        EndpointInfo back = new EndpointInfo(
                "ep-2", "LT-DANA", "Ubuntu 24.04", "o-harbor", "Harbor Accounting LLP", true, null, "0.1.0");
        vm.show(List.of(PRINTER, back));
        assertThat(vm.selected().get()).isEqualTo(back);
        assertThat(vm.shown()).containsExactly(PRINTER, back);
    }

    @Test
    void opensASessionWithTicketAndReportTime() {
        vm.show(List.of(PRINTER));
        vm.selected().set(PRINTER);
        vm.ticket().set(" HD-4471 ");
        vm.reportedAt().set("2026-11-17 15:00");
        vm.openSession();
        ui.pump();
        assertThat(asked).containsExactly("ep-1 HD-4471 2026-11-17T15:00:00Z");
        assertThat(opened).containsExactly(new EndpointsViewModel.Opened("s-ep-1", PRINTER));
        assertThat(vm.ticket().get()).isEmpty();
    }

    @Test
    void refusesWhatCannotWorkInWordsAndSendsNothing() {
        vm.show(List.of(PRINTER, LAPTOP));
        vm.openSession();
        assertThat(vm.message().get()).isEqualTo("Choose an endpoint first.");
        vm.selected().set(LAPTOP);
        vm.openSession();
        assertThat(vm.message().get()).startsWith("LT-DANA is offline");
        vm.selected().set(PRINTER);
        vm.reportedAt().set("yesterday");
        vm.openSession();
        assertThat(vm.message().get()).startsWith("'yesterday' is not a time the console reads.");
        vm.reportedAt().set(Instant.now().plusSeconds(3_600).toString());
        vm.openSession();
        assertThat(vm.message().get()).contains("is in the future");
        assertThat(asked).isEmpty();
    }
}
