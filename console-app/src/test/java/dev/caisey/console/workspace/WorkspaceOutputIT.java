package dev.caisey.console.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.DesktopFiles;
import dev.caisey.console.session.Chains;
import dev.caisey.record.event.Actor;
import dev.caisey.record.event.ApprovalPolicy;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.CommandRequested;
import dev.caisey.record.event.Endpoint;
import dev.caisey.record.event.Event;
import dev.caisey.record.event.Micros;
import dev.caisey.record.event.Organisation;
import dev.caisey.record.event.OutputChannel;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import dev.caisey.record.event.SessionOpened;
import dev.caisey.record.event.Shell;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Five megabytes of output into a real workspace window, headless on Monocle: the events arrive on another thread as
 * they would from the connection, the output list shows every line, and the UI thread keeps drawing frames meanwhile.
 */
@Tag("ui")
class WorkspaceOutputIT {
    private static final int LINES = 50_000;

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    private final Background background = new Background(Platform::runLater);

    @AfterEach
    void close() throws Exception {
        background.close();
        FxToolkit.cleanupStages();
    }

    @Test
    void fiveMegabytesOfOutputAreShownWhileTheWindowKeepsDrawing() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        WorkspaceViewModel vm = new WorkspaceViewModel("s-big", new RecordedActions(), background, Instant::toString);
        FxToolkit.setupFixture(() -> {
            stage.setScene(new Scene(
                    (javafx.scene.Parent) new WorkspaceView(
                                    vm,
                                    new ReportPanelViewModel(
                                            "s-big", new RecordedReports(), background, new DesktopFiles(), dir),
                                    new SharingViewModel(
                                            "s-big",
                                            new RecordedReports(),
                                            background,
                                            Instant::toString,
                                            Instant::toString))
                            .node(),
                    1280,
                    800));
            stage.show();
        });
        Chains chain = new Chains("s-big", Micros.of(Instant.parse("2026-11-17T15:15:32Z")));
        List<RecordedEvent> events = new ArrayList<>(chain.add(
                Actor.SERVER,
                new SessionOpened(
                        new Endpoint("ep-1", "PRN-ACCT-01", "Windows 11"),
                        new Organisation("o-harbor", "Harbor", "UTC", 240L, ApprovalPolicy.RISKY),
                        null,
                        null)));
        events.addAll(chain.add(
                new Actor(Role.TECHNICIAN, "dana", "Dana"),
                new CommandRequested("c-1", Shell.SH, "big", null, 60, null, false)));
        String chunk = ("x".repeat(99) + "\n").repeat(500); // 50,000 characters a chunk
        List<Event> output = new ArrayList<>();
        for (int i = 0; i < LINES / 500; i++) {
            output.add(new CommandOutput("c-1", OutputChannel.STDOUT, (long) i * chunk.length(), chunk));
        }
        events.addAll(chain.add(new Actor(Role.AGENT, "a-1", "agent"), output.toArray(Event[]::new)));

        AtomicLong frames = new AtomicLong();
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frames.incrementAndGet();
            }
        };
        Platform.runLater(counter::start);
        // Count only once the window is being drawn at all, so "no frame" can only mean a blocked UI thread.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> frames.get() > 0);
        long framesBefore = frames.get();
        ListView<OutputLine> list = new FxRobot().lookup("#outputList").query();
        long start = System.nanoTime();
        Thread connection = Thread.ofPlatform().start(() -> {
            for (RecordedEvent e : events) {
                vm.updated(chain.snapshot(), List.of(e));
            }
        });
        connection.join();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> list.getItems().size() == LINES);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Platform.runLater(counter::stop);
        System.out.printf(
                "5,000,000 characters shown as %d lines in %d ms; %d frames drawn meanwhile%n",
                LINES, millis, frames.get());
        assertThat(millis).as("5 MB shown in %d ms", millis).isLessThan(10_000);
        // Either the window drew while the output arrived, or it all arrived too fast for the UI thread to have been
        // held up noticeably (a frame is due every 16 ms; Monocle's headless pulse can be slower on a loaded machine).
        assertThat(frames.get() > framesBefore || millis < 250)
                .as("the UI thread kept drawing (%d frames in %d ms)", frames.get() - framesBefore, millis)
                .isTrue();
    }
}
