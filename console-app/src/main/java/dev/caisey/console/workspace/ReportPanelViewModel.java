package dev.caisey.console.workspace;

import dev.caisey.console.client.CheckedExports;
import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.DesktopFiles;
import dev.caisey.console.fx.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What a closed session's workspace does with its report: export the signed PDF to a file the technician chooses
 * (downloaded, checked — signature and attached record — and written whole), then open it or show its folder. A
 * separate model from {@link WorkspaceViewModel} because none of it touches the live session: it exists only once the
 * record is sealed. Properties change only on the UI thread; the download, the check and the disk run in the
 * background.
 */
public final class ReportPanelViewModel {
    private final String session;
    private final ReportActions reports;
    private final Background background;
    private final DesktopFiles desktop;
    private final Path home;
    private final StringProperty ticket = new SimpleStringProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty exportStatus = new SimpleStringProperty("");
    private final ObjectProperty<Path> exported = new SimpleObjectProperty<>();
    private Consumer<Notice> notices = n -> {};

    /**
     * The panel of {@code session}: {@code reports} downloads a session's PDF, {@code desktop} opens files, and {@code
     * home} is the user's home folder (the file chooser starts in its Documents, or in it).
     */
    public ReportPanelViewModel(
            String session, ReportActions reports, Background background, DesktopFiles desktop, Path home) {
        this.session = session;
        this.reports = reports;
        this.background = background;
        this.desktop = desktop;
        this.home = home;
    }

    /** Told of each notice (the report was exported). */
    public void onNotice(Consumer<Notice> listener) {
        this.notices = listener;
    }

    /** The folder the file chooser starts in: Documents in the home folder if there is one, else the home folder. */
    public Path suggestedFolder() {
        Path documents = home.resolve("Documents");
        return Files.isDirectory(documents) ? documents : home;
    }

    /** The file name offered: the ticket, or the session id, made safe for any file system, with {@code .pdf}. */
    public String suggestedName() {
        String base = ticket.get() == null || ticket.get().isBlank()
                ? session
                : ticket.get().strip();
        return base.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    }

    /** Downloads the signed PDF, checks it and writes it to {@code target}; says how it went in words. */
    public void export(Path target) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        exported.set(null);
        exportStatus.set("Exporting the PDF report to " + target.getFileName() + "…");
        background.await(
                reports.report(session),
                pdf -> background.run(
                        () -> {
                            CheckedExports.checkReport(pdf);
                            return CheckedExports.write(target, pdf);
                        },
                        written -> {
                            busy.set(false);
                            exported.set(written);
                            exportStatus.set("Exported to " + written + " (" + pdf.length / 1024
                                    + " KiB; signature and attached record checked).");
                            notices.accept(new Notice("Report exported", written.getFileName() + " is ready.", 0L));
                        },
                        this::failed),
                this::failed);
    }

    private void failed(Throwable failure) {
        busy.set(false);
        exportStatus.set("The report was not exported: " + Problems.words(failure));
    }

    /** Opens the exported PDF with the desktop's PDF viewer. */
    public void openExported() {
        Path file = exported.get();
        if (file != null) {
            background.run(
                    () -> {
                        desktop.open(file);
                        return null;
                    },
                    ok -> {},
                    f -> exportStatus.set(Problems.words(f)));
        }
    }

    /** Shows the folder of the exported PDF. */
    public void showExportedFolder() {
        Path file = exported.get();
        if (file != null) {
            background.run(
                    () -> {
                        desktop.showFolder(file);
                        return null;
                    },
                    ok -> {},
                    f -> exportStatus.set(Problems.words(f)));
        }
    }

    /** The session's ticket reference, when it has one (the workspace sets it from the first event). */
    public StringProperty ticket() {
        return ticket;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy;
    }

    public ReadOnlyStringProperty exportStatus() {
        return exportStatus;
    }

    public ReadOnlyObjectProperty<Path> exported() {
        return exported;
    }
}
