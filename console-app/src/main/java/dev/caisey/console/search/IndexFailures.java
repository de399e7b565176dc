package dev.caisey.console.search;

import dev.caisey.console.ConsoleException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Lucene's failures in the console's words. The index is a cache of the mirror, so every message says what happened
 * and that rebuilding it loses nothing; the cause stays attached for the log. Kept apart from {@link SearchIndex} so
 * that the index reads as what it does, not as what can go wrong.
 */
final class IndexFailures {
    private static final System.Logger LOG = System.getLogger(IndexFailures.class.getName());

    private IndexFailures() {}

    /** The folder cannot be opened or read as an index. */
    static ConsoleException unreadable(Path dir, Throwable cause) {
        String why = switch (cause) {
            case LockObtainFailedException e -> "another console is using it";
            case CorruptIndexException e -> "its files are damaged";
            case IndexFormatTooOldException e -> "it was written by an older version of the console";
            case IndexFormatTooNewException e -> "it was written by a newer version of the console";
            case IOException e -> "it could not be read (" + describe(e) + ")";
            default -> "it could not be read (" + cause.getClass().getSimpleName() + ")";
        };
        return new ConsoleException(
                ConsoleException.Failure.LOCAL_FILES,
                "The search index in " + dir + " cannot be used: " + why
                        + ". Searching needs it rebuilt from the mirror; no record is lost.",
                cause);
    }

    /** Writing to the index failed (a full disk, a removed folder). */
    static ConsoleException writeFailed(Path dir, IOException cause) {
        return new ConsoleException(
                ConsoleException.Failure.LOCAL_FILES,
                "The search index in " + dir + " could not be written (" + describe(cause)
                        + "). Check the free disk space; the mirror itself is not affected.",
                cause);
    }

    /**
     * Deletes the files of whatever index is in {@code dir} (the folder is the index's own), so that a new one can be
     * created where a damaged one cannot even be read.
     */
    static void discard(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw unreadable(dir, e);
        }
    }

    /** Closes what was opened before a failure, logging anything that fails again. */
    static void closeQuietly(Closeable... opened) {
        for (Closeable c : opened) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing after a failure failed too", e);
            }
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
