package dev.caisey.console.search;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;

/**
 * The latest committed view of the index for readers: each read acquires a searcher and releases it afterwards, so a
 * search that runs while the mirror adds events sees one consistent state, and a refresh after each commit makes the
 * new events visible to the next read. An unreadable index becomes the console's error in words.
 */
final class Searchers implements AutoCloseable {
    /** Reading work on an acquired searcher. */
    @FunctionalInterface
    interface Read<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private final Path dir;
    private final SearcherManager manager;

    /** Searchers over what {@code writer} committed to the index in {@code dir}. */
    Searchers(Path dir, IndexWriter writer) throws IOException {
        this.dir = dir;
        this.manager = new SearcherManager(writer, null);
    }

    /** Runs {@code work} on the latest view. */
    <T> T read(Read<T> work) {
        try {
            IndexSearcher searcher = manager.acquire();
            try {
                return work.apply(searcher);
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw IndexFailures.unreadable(dir, e);
        }
    }

    /** Makes what was just committed visible to the next read; waits for a refresh already under way. */
    void refresh() throws IOException {
        manager.maybeRefreshBlocking();
    }

    @Override
    public void close() throws IOException {
        manager.close();
    }
}
