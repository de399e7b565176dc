package dev.caisey.console.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the console's UI tests share: reading nodes on the FX thread, waiting (bounded) for the window to show
 * something, and saving a screenshot of the real window when {@value #SCREENSHOTS} names a folder.
 */
final class FxDriver {
    /** The system property naming the folder screenshots go to; unset, none are taken. */
    static final String SCREENSHOTS = "caisey.screenshots";

    static final Duration WAIT = Duration.ofSeconds(30);

    private final FxRobot robot;

    FxDriver(FxRobot robot) {
        this.robot = robot;
    }

    FxRobot robot() {
        return robot;
    }

    /** The value of {@code read}, computed on the FX thread. */
    static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("reading the window failed", e);
        }
    }

    /** Runs {@code step} on the FX thread and waits for it. */
    static void act(Runnable step) {
        fx(() -> {
            step.run();
            return null;
        });
    }

    /** The node with this CSS selector (an {@code #id}). */
    <T extends Node> T node(String query) {
        return robot.lookup(query).query();
    }

    /** Waits until {@code condition} holds (checked on the FX thread), failing with {@code what} after the wait. */
    void until(String what, Callable<Boolean> condition) {
        until(what, condition, this::labels);
    }

    /** Waits like {@link #until(String, Callable)}, describing the window with {@code shows} on failure. */
    void until(String what, Callable<Boolean> condition, java.util.function.Supplier<String> shows) {
        try {
            WaitForAsyncUtils.waitFor(
                    WAIT.toSeconds(),
                    TimeUnit.SECONDS,
                    () -> fx(() -> {
                        try {
                            return condition.call();
                        } catch (RuntimeException notYet) {
                            return false; // the node is not there yet
                        }
                    }));
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "the window did not show this in " + WAIT.toSeconds() + " s: " + what + "; it shows " + shows.get(),
                    e);
        }
    }

    /** The text of every label with an id, to say what the window showed instead. */
    private String labels() {
        return fx(() -> robot
                        .lookup(n -> n instanceof javafx.scene.control.Labeled l
                                && n.getId() != null
                                && l.getText() != null
                                && !l.getText().isEmpty())
                        .queryAll()
                        .stream()
                        .map(n -> n.getId() + "=" + ((javafx.scene.control.Labeled) n).getText())
                        .toList())
                .toString();
    }

    /** Saves the window as {@code console-NAME.png} when screenshots are asked for, at the window's pixel scale. */
    void screenshot(Stage stage, String name) throws IOException {
        String dir = System.getProperty(SCREENSHOTS);
        if (dir == null || dir.isBlank()) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = fx(() -> {
            SnapshotParameters p = new SnapshotParameters();
            p.setTransform(Transform.scale(stage.getOutputScaleX(), stage.getOutputScaleY()));
            return stage.getScene().getRoot().snapshot(p, null);
        });
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path file = Path.of(dir).resolve("console-" + name + ".png");
        Files.createDirectories(file.getParent());
        assertThat(ImageIO.write(out, "png", file.toFile())).isTrue();
    }
}
