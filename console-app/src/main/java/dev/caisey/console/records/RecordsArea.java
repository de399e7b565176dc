package dev.caisey.console.records;

import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.connection.Registration;
import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.DesktopFiles;
import dev.caisey.console.fx.Problems;
import dev.caisey.console.mirror.Mirror;
import dev.caisey.console.mirror.MirrorSync;
import dev.caisey.console.mirror.MirroredSession;
import dev.caisey.console.search.SearchView;
import dev.caisey.console.search.SearchViewModel;
import dev.caisey.console.sla.SessionTimes;
import dev.caisey.console.sla.SlaView;
import dev.caisey.console.sla.SlaViewModel;
import dev.caisey.console.workspace.Notice;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The console's records, with or without the server: the local mirror opened off the UI thread, the Records, Search
 * and SLA tabs over it, each session's timeline in a tab of its own, and, while signed in, the background sync that
 * keeps the mirror current (every {@link #SYNC_EVERY}, so open sessions stay live). The one place where the mirror
 * meets the screens.
 */
public final class RecordsArea implements AutoCloseable {
    /** How often the sync asks the server what is new. */
    public static final Duration SYNC_EVERY = Duration.ofSeconds(5);

    private final TabPane tabs;
    private final ConsoleClient client;
    private final Background background;
    private final ZoneId zone;
    private final DesktopFiles desktop;
    private final Consumer<Notice> notices;
    private final Tab recordsTab = placeholder("Records", "recordsTab");
    private final Tab searchTab = placeholder("Search", "searchTab");
    private final Tab slaTab = placeholder("SLA", "slaTab");
    private Mirror mirror;
    private MirrorSync sync;
    private Registration stored;
    private RecordsViewModel recordsVm;
    private RecordsView records;
    private SearchView search;
    private Timelines timelines;
    private boolean closed;

    /**
     * Adds the records tabs to {@code tabs} and opens the mirror in {@code folder}; {@code client} is the signed-in
     * client to sync from, or {@code null} to work offline.
     */
    public RecordsArea(
            TabPane tabs,
            Path folder,
            ConsoleClient client,
            Background background,
            ZoneId zone,
            DesktopFiles desktop,
            Consumer<Notice> notices) {
        this.tabs = tabs;
        this.client = client;
        this.background = background;
        this.zone = zone;
        this.desktop = desktop;
        this.notices = notices;
        tabs.getTabs().addAll(recordsTab, searchTab, slaTab);
        background.run(() -> Mirror.open(folder), this::opened, failure -> {
            String words = Problems.words(failure);
            for (Tab t : new Tab[] {recordsTab, searchTab, slaTab}) {
                ((Label) t.getContent()).setText(words);
            }
        });
    }

    private void opened(Mirror opened) {
        if (closed) {
            background.run(
                    () -> {
                        opened.close();
                        return null;
                    },
                    ok -> {},
                    f -> {});
            return;
        }
        mirror = opened;
        timelines = new Timelines(tabs, mirror, client, background, zone, desktop, notices);
        recordsVm = new RecordsViewModel(mirror, background, s -> timelines.open(s.id(), 0), zone);
        records = new RecordsView(recordsVm);
        recordsTab.setContent(records.node());
        SearchViewModel searchVm = new SearchViewModel(mirror.searchIndex(), background, zone, timelines::open);
        search = new SearchView(searchVm);
        searchTab.setContent(search.node());
        searchTab.setOnSelectionChanged(e -> {
            if (searchTab.isSelected()) {
                searchVm.refreshChoices();
            }
        });
        SlaViewModel slaVm = new SlaViewModel(
                background,
                () -> mirror.sessions().stream().map(SessionTimes::of).toList(),
                LocalDate.now(zone));
        slaTab.setContent(new SlaView(slaVm).node());
        slaTab.setOnSelectionChanged(e -> {
            if (slaTab.isSelected()) {
                slaVm.refresh();
            }
        });
        stored = mirror.onStored(
                s -> background.ui(() -> timelines.grew(s.session().id())));
        recordsVm.refresh();
        if (client != null) {
            sync = new MirrorSync(
                    mirror,
                    client,
                    p -> background.ui(() -> {
                        recordsVm.show(p);
                        if (!p.refusals().isEmpty()) {
                            notices.accept(new Notice(
                                    "Records refused",
                                    p.refusals().size() + " part(s) of the records failed their checks; see Records.",
                                    0L));
                        }
                    }));
            sync.live(SYNC_EVERY);
        } else {
            recordsVm.offline();
        }
    }

    /** Shows the Records tab. */
    public void showRecords() {
        tabs.getSelectionModel().select(recordsTab);
        if (records != null) {
            records.focusTable();
        }
    }

    /** Shows the Search tab with the cursor in its field. */
    public void showSearch() {
        tabs.getSelectionModel().select(searchTab);
        if (search != null) {
            search.focusText();
        }
    }

    /** Shows the SLA tab. */
    public void showSla() {
        tabs.getSelectionModel().select(slaTab);
    }

    /** Opens a session's timeline at event {@code seq} (0: the start). */
    public void openTimeline(String session, long seq) {
        if (timelines != null) {
            timelines.open(session, seq);
        }
    }

    /** Exports the PDF of the timeline shown now; false if no timeline is shown. */
    public boolean exportShown() {
        return timelines != null && timelines.exportShown();
    }

    /** The sessions the mirror holds (for tests and the status line). */
    public java.util.List<MirroredSession> sessions() {
        return mirror == null ? java.util.List.of() : mirror.sessions();
    }

    /** Stops syncing and closes the mirror (off the UI thread). */
    @Override
    public void close() {
        closed = true;
        if (timelines != null) {
            timelines.close();
        }
        if (stored != null) {
            stored.close();
        }
        MirrorSync s = sync;
        Mirror m = mirror;
        background.run(
                () -> {
                    if (s != null) {
                        s.close();
                    }
                    if (m != null) {
                        m.close();
                    }
                    return null;
                },
                ok -> {},
                f -> {});
    }

    private static Tab placeholder(String title, String id) {
        Label waiting = new Label("Opening the local copy of your records…");
        waiting.setWrapText(true);
        Tab tab = new Tab(title, waiting);
        tab.setId(id);
        tab.setClosable(false);
        return tab;
    }
}
