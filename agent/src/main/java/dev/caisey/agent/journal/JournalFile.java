package dev.caisey.agent.journal;

import dev.caisey.agent.identity.OwnerOnly;
import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

/**
 * The journal's file: lines appended (and fsync'd when asked), read back whole at start, and replaced atomically by a
 * compacted copy. Reading tolerates damage: a last line without its line feed (torn by a crash mid-write) or any line
 * whose checksum fails is dropped with a log line, and what follows a damaged line in the middle is still read.
 */
final class JournalFile implements Closeable {
    private static final System.Logger LOG = System.getLogger(JournalFile.class.getName());

    private final Path file;
    private FileChannel channel;
    private long size;

    private JournalFile(Path file) throws IOException {
        this.file = file;
        this.channel = open(file);
        this.size = channel.size();
    }

    /** Opens (creating) the file and returns it with the payloads of its intact lines, in order. */
    static JournalFile open(Path file, List<String> payloads) throws IOException {
        if (Files.exists(file)) {
            read(Files.readAllBytes(file), payloads, file);
        }
        JournalFile journal = new JournalFile(file);
        OwnerOnly.syncFolder(file.getParent());
        return journal;
    }

    private static void read(byte[] bytes, List<String> payloads, Path file) {
        int start = 0;
        int line = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            line++;
            if (end == bytes.length) {
                LOG.log(
                        Level.WARNING,
                        "dropped the torn last line {0} of {1} ({2} bytes): the agent stopped while"
                                + " writing it, before it was sent",
                        line,
                        file,
                        end - start);
                return;
            }
            String payload = JournalLine.decode(bytes, start, end);
            if (payload == null) {
                LOG.log(
                        Level.WARNING,
                        "dropped damaged line {0} of {1} ({2} bytes): its checksum does not match",
                        line,
                        file,
                        end - start);
            } else {
                payloads.add(payload);
            }
            start = end + 1;
        }
    }

    /** Appends lines; with {@code sync} they are on disk when this returns. */
    void append(List<byte[]> lines, boolean sync) throws IOException {
        for (byte[] line : lines) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            size += line.length;
        }
        if (sync) {
            channel.force(false);
        }
    }

    /** Empties the file durably. */
    void truncate() throws IOException {
        channel.truncate(0);
        channel.force(false);
        size = 0;
    }

    /** Replaces the file by one holding exactly {@code lines}: written aside, fsync'd, then renamed over it. */
    void rewrite(List<byte[]> lines) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".compact");
        Files.deleteIfExists(temp);
        long written = 0;
        try (FileChannel out = FileChannel.open(
                temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), OwnerOnly.attributes())) {
            for (byte[] line : lines) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                written += line.length;
            }
            out.force(true);
        }
        channel.close();
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        OwnerOnly.syncFolder(file.getParent());
        channel = open(file);
        size = written;
    }

    /** The file's length in bytes. */
    long size() {
        return size;
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(
                file,
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                OwnerOnly.attributes());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
