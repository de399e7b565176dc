package dev.caisey.console.app;

import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.endpoints.EndpointsView;
import dev.caisey.console.endpoints.EndpointsViewModel;
import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.DesktopFiles;
import dev.caisey.console.fx.Times;
import dev.caisey.console.records.RecordsArea;
import dev.caisey.console.session.SessionFeed;
import dev.caisey.console.sessions.SessionsView;
import dev.caisey.console.sessions.SessionsViewModel;
import dev.caisey.console.workspace.Notice;
import dev.caisey.console.workspace.ReportActions;
import dev.caisey.console.workspace.ReportPanelViewModel;
import dev.caisey.console.workspace.SessionActions;
import dev.caisey.console.workspace.SharingViewModel;
import dev.caisey.console.workspace.WorkspaceView;
import dev.caisey.console.workspace.WorkspaceViewModel;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * What a signed-in technician works in: the endpoints and sessions tabs and one tab per session shown, then the
 * records (Records, Search, SLA and timelines, from the local mirror). Made at each sign-in for that sign-in's client;
 * closing a session's tab stops following it (the session itself stays open on the server). Offline (no client) it
 * holds the records alone.
 */
final class MainView {
    /** A session's tab with its model, view and feed. */
    record Workspace(Tab tab, WorkspaceViewModel vm, WorkspaceView view, SessionFeed feed, SharingViewModel sharing) {}

    private final ConsoleClient client;
    private final RecordsArea records;
    private final Background background;
    private final ZoneId zone;
    private final Consumer<Notice> notices;
    private final TabPane tabs = new TabPane();
    private EndpointsViewModel endpointsVm;
    private EndpointsView endpoints;
    private Tab endpointsTab;
    private SessionsViewModel sessionsVm;
    private SessionsView sessions;
    private Tab sessionsTab;
    private final Map<Tab, Workspace> workspaces = new HashMap<>();
    private final DesktopFiles desktop = new DesktopFiles();

    /**
     * The view of a signed-in {@code client} ({@code null}: offline, records only) whose local records live in {@code
     * mirrorFolder}.
     */
    MainView(ConsoleClient client, Path mirrorFolder, Background background, ZoneId zone, Consumer<Notice> notices) {
        this.client = client;
        this.background = background;
        this.zone = zone;
        this.notices = notices;
        if (client != null) {
            liveTabs();
        }
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        records = new RecordsArea(tabs, mirrorFolder, client, background, zone, desktop, notices);
    }

    private void liveTabs() {
        endpointsVm = new EndpointsViewModel(
                background,
                client::openSession,
                opened -> open(opened.session(), opened.endpoint().name()),
                zone);
        client.endpoints().onChange(list -> background.ui(() -> endpointsVm.show(list)));
        endpointsVm.show(client.endpoints().snapshot());
        endpoints = new EndpointsView(endpointsVm);
        endpointsTab = new Tab("Endpoints", endpoints.node());
        endpointsTab.setId("endpointsTab");
        endpointsTab.setClosable(false);
        sessionsVm = new SessionsViewModel(
                background, client::sessions, s -> open(s.session(), s.endpointName()), this::organisation, zone);
        sessions = new SessionsView(sessionsVm);
        sessionsTab = new Tab("Sessions", sessions.node());
        sessionsTab.setId("sessionsTab");
        sessionsTab.setClosable(false);
        client.onSignedIn(ok -> background.ui(sessionsVm::refresh));
        sessionsVm.refresh();
        tabs.getTabs().addAll(endpointsTab, sessionsTab);
    }

    /** Opens (or shows again) the workspace of {@code session}. */
    void open(String session, String endpointName) {
        for (Workspace w : workspaces.values()) {
            if (w.vm().session().equals(session)) {
                tabs.getSelectionModel().select(w.tab());
                return;
            }
        }
        WorkspaceViewModel vm =
                new WorkspaceViewModel(session, SessionActions.of(client), background, at -> Times.time(at, zone));
        ReportActions reportActions = ReportActions.of(client);
        ReportPanelViewModel report = new ReportPanelViewModel(
                session, reportActions, background, desktop, Path.of(System.getProperty("user.home")));
        report.ticket().bind(vm.ticket());
        report.onNotice(notices);
        SharingViewModel sharing = new SharingViewModel(
                session,
                reportActions,
                background,
                at -> Times.time(at, zone),
                at -> Times.dayTime(at, vm.organisationZone(zone)));
        sharing.onNotice(notices);
        WorkspaceView view = new WorkspaceView(vm, report, sharing);
        Tab tab = new Tab(endpointName, view.node());
        tab.setId("session-" + session);
        vm.onNotice(notices);
        SessionFeed feed = vm.follow(client);
        Workspace w = new Workspace(tab, vm, view, feed, sharing);
        workspaces.put(tab, w);
        tab.setOnClosed(e -> dispose(workspaces.remove(tab)));
        // The list shows a session's state: refresh it when one opens here and when it closes.
        sessionsVm.refresh();
        vm.closedState().addListener((o, was, is) -> sessionsVm.refresh());
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        view.focusInput();
    }

    /** The workspace shown now, or {@code null} on the endpoints tab. */
    Workspace current() {
        return workspaces.get(tabs.getSelectionModel().getSelectedItem());
    }

    void showEndpoints() {
        if (endpointsTab != null) {
            tabs.getSelectionModel().select(endpointsTab);
        }
    }

    void showSessions() {
        if (sessionsTab != null) {
            tabs.getSelectionModel().select(sessionsTab);
            sessions.focusTable();
        }
    }

    /** The records tabs and timelines. */
    RecordsArea records() {
        return records;
    }

    /** Ctrl+E: exports the PDF of the workspace or timeline shown now. */
    void exportShown() {
        Workspace w = current();
        if (w != null) {
            w.view().side().exportReport();
        } else {
            records.exportShown();
        }
    }

    private String organisation(String id) {
        return client.endpoints().snapshot().stream()
                .filter(e -> e.organisationId().equals(id))
                .map(e -> e.organisationName())
                .findFirst()
                .orElse(id);
    }

    void findEndpoint() {
        if (endpoints != null) {
            showEndpoints();
            endpoints.focusSearch();
        }
    }

    void openSelected() {
        if (endpointsVm != null) {
            showEndpoints();
            endpointsVm.openSession();
        }
    }

    Node node() {
        return tabs;
    }

    /** Stops following every session and closes the records (sign-out or quit). */
    void dispose() {
        workspaces.values().forEach(this::dispose);
        workspaces.clear();
        records.close();
    }

    private void dispose(Workspace w) {
        if (w == null) {
            return;
        }
        w.view().dispose();
        w.feed().close();
        w.sharing().close();
    }
}
