package dev.caisey.console.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.DesktopFiles;
import dev.caisey.console.fx.UiQueue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPanelViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path home;

    private final UiQueue ui = new UiQueue();
    private final Background background = new Background(ui);
    private final RecordedReports server = new RecordedReports();

    private ReportPanelViewModel panel() {
        return new ReportPanelViewModel("s-7f3a", server, background, new DesktopFiles(), home);
    }

    @AfterEach
    void stop() {
        background.close();
    }

    @Test
    void offersTheTicketOrTheSessionAsTheNameInDocumentsOrHome() throws Exception {
        ReportPanelViewModel vm = panel();
        assertThat(vm.suggestedName()).isEqualTo("s-7f3a.pdf");
        vm.ticket().set("HD 4471/b");
        assertThat(vm.suggestedName()).isEqualTo("HD_4471_b.pdf");
        assertThat(vm.suggestedFolder()).isEqualTo(home);
        Files.createDirectory(home.resolve("Documents"));
        assertThat(vm.suggestedFolder()).isEqualTo(home.resolve("Documents"));
    }

    @Test
    void aPdfThatDoesNotCheckOutIsNotWritten() throws Exception {
        ReportPanelViewModel vm = panel();
        server.report =
                CompletableFuture.completedFuture("%PDF-1.7 not a signed report".getBytes(StandardCharsets.UTF_8));
        Path target = home.resolve("out").resolve("HD-4471.pdf");
        vm.export(target);
        assertThat(vm.busy().get()).isTrue();
        assertThat(vm.exportStatus().get()).isEqualTo("Exporting the PDF report to HD-4471.pdf…");
        ui.pumpUntil(WAIT, () -> !vm.busy().get());
        assertThat(vm.exportStatus().get())
                .startsWith("The report was not exported: The server sent a PDF that does not check out")
                .contains("Nothing was written.");
        assertThat(vm.exported().get()).isNull();
        assertThat(target).doesNotExist();
        assertThat(home.resolve("out")).doesNotExist();
    }

    @Test
    void aRefusedDownloadSaysWhyInWords() throws Exception {
        ReportPanelViewModel vm = panel();
        server.report = CompletableFuture.failedFuture(
                new ConsoleException(ConsoleException.Failure.NOT_SIGNED_IN, "Sign in before exporting."));
        vm.export(home.resolve("x.pdf"));
        ui.pumpUntil(WAIT, () -> !vm.busy().get());
        assertThat(vm.exportStatus().get())
                .isEqualTo("The report was not exported: Sign in before exporting. Sign in again.");
        assertThat(home.resolve("x.pdf")).doesNotExist();
    }
}
