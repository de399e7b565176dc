package dev.caisey.server.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code jdbc:h2:caiseyrec:/path/db}) that passes everything to the disk and logs, in {@link #LOG},
 * every write with its bytes and every {@code force} of every file H2 opens: like H2's own {@code FilePathRec}, which
 * does not log forces. H2 creates instances by reflection, hence the static log.
 */
public final class RecordingFileSystem extends FilePathWrapper {
    /** The URL scheme. */
    static final String SCHEME = "caiseyrec";

    /** Everything recorded since the last {@link IoLog#clear()}. */
    static final IoLog LOG = new IoLog();

    private static final RecordingFileSystem INSTANCE = new RecordingFileSystem();

    /** Makes the scheme known to H2; idempotent. */
    static void register() {
        FilePath.register(INSTANCE);
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(super.open(mode), name);
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    /** A channel that logs writes and forces. */
    private static final class Channel extends FileBase {
        private final FileChannel base;
        private final String file;

        Channel(FileChannel base, String file) {
            this.base = base;
            this.file = file;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            long position = base.position();
            byte[] bytes = bytes(src);
            int written = base.write(src);
            LOG.add(new IoLog.Write(file, position, java.util.Arrays.copyOf(bytes, written)));
            return written;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            byte[] bytes = bytes(src);
            int written = base.write(src, position);
            LOG.add(new IoLog.Write(file, position, java.util.Arrays.copyOf(bytes, written)));
            return written;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            LOG.add(new IoLog.ForceStarted(file));
            base.force(metaData);
            LOG.add(new IoLog.ForceEnded(file));
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            base.truncate(size);
            LOG.add(new IoLog.Truncate(file, size));
            return this;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }

        private static byte[] bytes(ByteBuffer src) {
            byte[] bytes = new byte[src.remaining()];
            src.duplicate().get(bytes);
            return bytes;
        }
    }
}
