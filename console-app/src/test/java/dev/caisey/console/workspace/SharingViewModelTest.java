package dev.caisey.console.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.UiQueue;
import dev.caisey.record.event.Micros;
import dev.caisey.record.protocol.AccessAction;
import dev.caisey.record.protocol.AccessEntries;
import dev.caisey.record.protocol.AccessEntry;
import dev.caisey.record.protocol.AccountRole;
import dev.caisey.record.protocol.ReportSendStatus;
import dev.caisey.record.protocol.SendState;
import dev.caisey.record.protocol.ShareCreated;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharingViewModelTest {
    private static final Instant AT = Instant.parse("2026-11-25T15:20:00Z");

    private final UiQueue ui = new UiQueue();
    private final Background background = new Background(ui);
    private final RecordedReports server = new RecordedReports();
    private final List<Notice> notices = new ArrayList<>();
    private final SharingViewModel vm = new SharingViewModel(
            "s-1",
            server,
            background,
            at -> DateTimeFormatter.ofPattern("HH:mm").format(at.atOffset(ZoneOffset.UTC)),
            at -> DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atOffset(ZoneOffset.UTC)));

    {
        vm.onNotice(notices::add);
    }

    @AfterEach
    void stop() {
        vm.close();
        background.close();
    }

    private static ReportSendStatus status(String id, SendState state, String message, Instant next) {
        return new ReportSendStatus(id, "s-1", state, 1, message, next == null ? null : Micros.of(next));
    }

    @Test
    void followsASendFromQueuedThroughRetryToSent() {
        server.send = CompletableFuture.completedFuture(
                status("r-1", SendState.QUEUED, "Queued for ap@harbor.example", null));
        vm.send();
        ui.pump();
        assertThat(vm.sendStatus().get()).isEqualTo("Queued for ap@harbor.example");
        server.push(status("r-1", SendState.RETRYING, "the mail server could not be reached", AT));
        server.push(new ReportSendStatus("r-9", "s-2", SendState.SENT, 1, "another session", null));
        ui.pump();
        assertThat(vm.sendStatus().get()).isEqualTo("Retrying at 15:20: the mail server could not be reached");
        assertThat(notices).isEmpty();
        server.push(status("r-1", SendState.SENT, "Sent to ap@harbor.example", null));
        ui.pump();
        assertThat(vm.sendStatus().get()).isEqualTo("Sent: Sent to ap@harbor.example");
        assertThat(vm.sendState().get()).isEqualTo(SendState.SENT);
        assertThat(notices).extracting(Notice::title).containsExactly("Report sent");
        vm.close();
        assertThat(server.listeners).isEmpty();
    }

    @Test
    void aRefusedSendSaysWhy() {
        server.send = CompletableFuture.failedFuture(new ConsoleException(
                ConsoleException.Failure.REFUSED, "The organisation has no report address; add one first."));
        vm.send();
        ui.pump();
        assertThat(vm.sendStatus().get())
                .isEqualTo("The report was not sent: The organisation has no report address; add one first.");
    }

    @Test
    void makesAndRevokesAShareLinkThenReadsTheAccessLog() {
        server.share = CompletableFuture.completedFuture(
                new ShareCreated("sh-1", "https://127.0.0.1:8443/share/abc", Micros.of(AT)));
        server.access = CompletableFuture.completedFuture(new AccessEntries(
                "s-1",
                List.of(new AccessEntry(
                        Micros.of(AT), "mia", AccountRole.MANAGER, AccessAction.SHARE_CREATED, "s-1", "sh-1")),
                false));
        vm.expiry().set(SharingViewModel.Expiry.THIRTY_DAYS);
        vm.share();
        ui.pump();
        assertThat(vm.link().get().url()).isEqualTo("https://127.0.0.1:8443/share/abc");
        assertThat(vm.shareStatus().get()).startsWith("Works until 2026-11-25 15:20.");
        assertThat(vm.access()).containsExactly("2026-11-25 15:20  mia made a share link (sh-1)");
        vm.revoke();
        ui.pump();
        assertThat(vm.link().get()).isNull();
        assertThat(vm.shareStatus().get()).contains("sh-1 was revoked");
        assertThat(server.sent).containsExactly("share s-1 30 days", "access s-1", "unshare sh-1", "access s-1");
    }

    @Test
    void anEmptyAccessLogSaysSo() {
        server.access = CompletableFuture.completedFuture(new AccessEntries("s-1", List.of(), false));
        vm.refreshAccess();
        ui.pump();
        assertThat(vm.access()).isEmpty();
        assertThat(vm.accessStatus().get()).isEqualTo("Nobody exported, e-mailed, shared or viewed this record yet.");
    }
}
