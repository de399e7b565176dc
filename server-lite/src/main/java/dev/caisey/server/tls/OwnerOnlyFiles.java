package dev.caisey.server.tls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Writes secrets (private keys, keystore passwords) so that only the file's owner can read them: on POSIX systems
 * the file is born with mode 600 (never briefly readable by others), written to a temporary name, forced to disk and
 * then renamed into place, so a crash leaves either no file or a whole one. Elsewhere the JDK's best effort applies.
 */
final class OwnerOnlyFiles {
    /** {@code rw-------}. */
    static final Set<PosixFilePermission> OWNER_READ_WRITE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private OwnerOnlyFiles() {}

    /**
     * Writes {@code content} to {@code file}, readable by its owner only.
     *
     * @throws FileAlreadyExistsException if the file exists (a secret is never overwritten by accident)
     */
    static void create(Path file, byte[] content) throws IOException {
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temporary = dir.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try (FileChannel channel = FileChannel.open(
                temporary, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly(dir))) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        if (!isPosix(dir)) {
            restrictNonPosix(temporary);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file);
        }
    }

    /** Whether only the owner may read and write the file (always {@code true} where POSIX modes do not exist). */
    static boolean isOwnerOnly(Path file) throws IOException {
        if (!isPosix(file.toAbsolutePath().getParent())) {
            return true;
        }
        return OWNER_READ_WRITE.containsAll(Files.getPosixFilePermissions(file));
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        return isPosix(dir)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)}
                : new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void restrictNonPosix(Path file) {
        var f = file.toFile();
        // Best effort where POSIX modes do not exist: drop everyone's rights, then give the owner's back.
        boolean ok = f.setReadable(false, false) & f.setWritable(false, false);
        ok &= f.setReadable(true, true) & f.setWritable(true, true);
        if (!ok) {
            System.getLogger(OwnerOnlyFiles.class.getName())
                    .log(System.Logger.Level.WARNING, "could not restrict the permissions of {0}", file);
        }
    }
}
