package dev.caisey.console.records;

import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.DesktopFiles;
import dev.caisey.console.mirror.Mirror;
import dev.caisey.console.timeline.TimelineView;
import dev.caisey.console.timeline.TimelineViewModel;
import dev.caisey.console.workspace.ExportControls;
import dev.caisey.console.workspace.Notice;
import dev.caisey.console.workspace.ReportPanelViewModel;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The timeline tabs of mirrored sessions: one per session (opening it again shows the same tab), each with the
 * timeline and the PDF export (from the signed report kept in the mirror, else the server's), refreshed as the mirror
 * grows. Ctrl+E in a timeline exports its PDF.
 */
final class Timelines implements AutoCloseable {
    private final TabPane tabs;
    private final Mirror mirror;
    private final Background background;
    private final DesktopFiles desktop;
    private final Consumer<Notice> notices;
    private final MirroredReports reports;
    private final ExecutorService disk = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "caisey-timeline-reports");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Shown> shown = new HashMap<>();

    /** One open timeline. */
    private record Shown(Tab tab, TimelineViewModel vm, TimelineView view, ReportPanelViewModel report) {}

    Timelines(
            TabPane tabs,
            Mirror mirror,
            ConsoleClient client,
            Background background,
            ZoneId zone,
            DesktopFiles desktop,
            Consumer<Notice> notices) {
        this.tabs = tabs;
        this.mirror = mirror;
        this.background = background;
        this.desktop = desktop;
        this.notices = notices;
        this.reports = new MirroredReports(mirror, client, disk);
    }

    /** Shows a session's timeline with event {@code seq} selected (0: none). */
    void open(String session, long seq) {
        Shown s = shown.get(session);
        if (s == null) {
            s = create(session);
            shown.put(session, s);
            tabs.getTabs().add(s.tab());
        }
        tabs.getSelectionModel().select(s.tab());
        if (seq > 0) {
            s.view().select(seq);
        }
    }

    private Shown create(String session) {
        TimelineViewModel vm = new TimelineViewModel(background, new MirrorTimelineSource(mirror, session));
        ReportPanelViewModel report = new ReportPanelViewModel(
                session, reports, background, desktop, Path.of(System.getProperty("user.home")));
        report.onNotice(notices);
        BorderPane pane = new BorderPane();
        TimelineView view = new TimelineView(vm, () -> ExportControls.chooseAndExport(pane, report));
        VBox export = ExportControls.status(report);
        export.setId("timelineExport");
        export.setPadding(new Insets(6, 12, 8, 12));
        pane.setCenter(view.node());
        pane.setBottom(export);
        Tab tab = new Tab("Timeline " + shortId(session), pane);
        tab.setId("timeline-" + session);
        tab.setOnClosed(e -> shown.remove(session));
        background.run(
                () -> mirror.session(session),
                held -> held.ifPresent(h -> {
                    tab.setText(h.endpointName() + (h.ticket() == null ? "" : " · " + h.ticket()));
                    report.ticket().set(h.ticket());
                }),
                failure -> {});
        vm.load();
        return new Shown(tab, vm, view, report);
    }

    /** The mirror stored new events of {@code session}: its timeline, if shown, reads them. */
    void grew(String session) {
        Shown s = shown.get(session);
        if (s != null) {
            s.vm().refresh();
        }
    }

    /** Exports the PDF of the timeline in the selected tab; false if the selected tab is no timeline. */
    boolean exportShown() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        for (Shown s : shown.values()) {
            if (s.tab() == selected) {
                ExportControls.chooseAndExport(s.tab().getContent(), s.report());
                return true;
            }
        }
        return false;
    }

    private static String shortId(String session) {
        return session.length() > 12 ? session.substring(0, 12) + "…" : session;
    }

    @Override
    public void close() {
        disk.shutdownNow();
    }
}
