package dev.caisey.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary folder for one benchmark's databases and agent, deleted with everything in it when closed. */
public final class Scratch implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Scratch.class.getName());

    private final Path dir;

    private Scratch(Path dir) {
        this.dir = dir;
    }

    /** A new empty folder under the system's temporary folder. */
    public static Scratch create(String prefix) {
        try {
            return new Scratch(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary folder could be created", e);
        }
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "the temporary folder " + dir + " could not be deleted", e);
        }
    }
}
