package dev.caisey.console.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.Theme;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The search screen in a real window, headless on Monocle, over a real index: a person types words and presses Enter,
 * sees the hits with the matched words in bold, narrows them with a filter, and opens one with a double-click or
 * Enter, which hands the hit's session and event number to the console.
 */
@Tag("ui")
class SearchViewIT {
    private static final long WAIT_SECONDS = 30;

    @TempDir
    Path dir;

    private final Background background = new Background(Platform::runLater);
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final FxRobot robot = new FxRobot();
    private SearchIndex index;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        background.close();
        if (index != null) {
            index.close();
        }
    }

    @Test
    void typesWordsSeesTheHitsAndOpensOne() throws Exception {
        index = SearchIndex.open(dir.resolve("search"));
        SampleSessions.addAll(index);
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            Theme.LIGHT.apply();
            SearchViewModel vm = new SearchViewModel(
                    index, background, ZoneId.of("UTC"), (session, seq) -> opened.add(session + "#" + seq));
            stage.setScene(new Scene((Parent) new SearchView(vm).node(), 1280, 800));
            stage.show();
            vm.refreshChoices();
        });
        TableView<SearchHit> table = robot.lookup("#searchResults").query();

        robot.clickOn("#searchText").write("spooler").push(KeyCode.ENTER);
        until(() -> table.getItems().size() == 9);
        assertThat(fx(() -> ((Label) robot.lookup("#searchSummary").query()).getText()))
                .isEqualTo("9 events.");
        until(() -> !robot.lookup(".search-match").queryAll().isEmpty());
        List<String> bold = fx(() -> robot.lookup(".search-match").queryAll().stream()
                .map(n -> ((Text) n).getText())
                .toList());
        assertThat(bold).isNotEmpty().allSatisfy(w -> assertThat(w).isEqualToIgnoringCase("spooler"));

        SearchHit third = fx(() -> table.getItems().get(2));
        robot.doubleClickOn(row(third));
        until(() -> opened.size() == 1);
        assertThat(opened).containsExactly(third.session() + "#" + third.seq());

        SearchHit first = fx(() -> table.getItems().get(0));
        robot.clickOn(row(first)).push(KeyCode.ENTER);
        until(() -> opened.size() == 2);
        assertThat(opened.get(1)).isEqualTo(first.session() + "#" + first.seq());

        robot.clickOn("#searchOutcome");
        robot.clickOn("Escalated");
        until(() -> table.getItems().size() == 1);
        robot.clickOn("#searchClearFilters");
        until(() -> table.getItems().size() == 9);

        robot.clickOn("#searchText").push(KeyCode.END).write(" AND").push(KeyCode.ENTER);
        until(() -> fx(() -> ((Label) robot.lookup("#searchMessage").query()).getText())
                .startsWith("The search could not be understood: "));
        assertThat(fx(() -> table.getItems().size())).isEqualTo(9);
    }

    /** The table row showing {@code hit}, once it is laid out. */
    private Node row(SearchHit hit) throws TimeoutException {
        Callable<Optional<Node>> find = () -> robot.lookup(".table-row-cell").queryAll().stream()
                .filter(n -> n instanceof TableRow<?> r && hit.equals(r.getItem()))
                .findFirst();
        try {
            until(() -> find.call().isPresent());
        } catch (TimeoutException e) {
            throw new AssertionError("no row shows " + hit + "; rows: "
                    + fx(() -> robot.lookup(".table-row-cell").queryAll().stream()
                            .map(n -> ((TableRow<?>) n).getItem() + " h="
                                    + n.getBoundsInParent().getHeight())
                            .toList()));
        }
        return fx(find).orElseThrow();
    }

    private static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("reading the window failed", e);
        }
    }

    private static void until(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> fx(condition));
    }
}
