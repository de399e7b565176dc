package dev.caisey.console.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.console.connection.ServerAddress;
import dev.caisey.record.RecordException;
import dev.caisey.record.json.Json;
import dev.caisey.record.protocol.AccountRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The remembered sign-in, in one owner-only file ({@value #FILE}, POSIX {@code 600}): server, user, role and the
 * session token, never the password. Signing out deletes the file. A file someone else could read is refused rather
 * than used, since its token would already be another person's to use.
 */
public final class TokenStore {
    /** The file's name in the configuration folder. */
    public static final String FILE = "login.json";

    private final Path file;

    TokenStore(Path file) {
        this.file = file;
    }

    /** The file, to name in messages. */
    public Path file() {
        return file;
    }

    /** Remembers a sign-in, replacing the previous one. */
    public void save(SavedLogin login) {
        ObjectNode node = Json.object();
        node.put("server", login.server().toString());
        node.put("user", login.user());
        node.put("role", login.role().wireName());
        node.put("token", login.token());
        node.put("expiresAt", login.expiresAt());
        try {
            OwnerOnlyFiles.write(file, Json.write(node).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConsoleException(
                    Failure.LOCAL_FILES, "Cannot remember the sign-in in " + file + ": " + e.getMessage(), e);
        }
    }

    /** The remembered sign-in, if there is one. */
    public Optional<SavedLogin> load() {
        try {
            if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null
                    && !OwnerOnlyFiles.FILE.containsAll(Files.getPosixFilePermissions(file))) {
                throw new ConsoleException(
                        Failure.LOCAL_FILES,
                        "The sign-in file " + file + " may be read by other users, so it is not used; delete it and"
                                + " sign in again.");
            }
            JsonNode node = Json.parse(Files.readAllBytes(file));
            return Optional.of(new SavedLogin(
                    ServerAddress.parse(node.path("server").asText()),
                    node.path("user").asText(),
                    AccountRole.ofWireName(node.path("role").asText()),
                    node.path("token").asText(),
                    node.path("expiresAt").asLong()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RecordException e) {
            throw new ConsoleException(
                    Failure.LOCAL_FILES,
                    "The sign-in file " + file + " cannot be read; delete it and sign in again.",
                    e);
        }
    }

    /** Forgets the sign-in; returns whether there was one. */
    public boolean delete() {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new ConsoleException(Failure.LOCAL_FILES, "Cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
