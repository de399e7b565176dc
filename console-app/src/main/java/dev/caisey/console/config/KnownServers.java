package dev.caisey.console.config;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.console.connection.ServerAddress;
import dev.caisey.console.trust.Fingerprint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The servers this user has confirmed, like SSH's {@code known_hosts}: one line per server, {@code host:port
 * AB:CD:…}. A server is added once, after the user confirmed its fingerprint; from then on only that certificate is
 * trusted for it. Replacing a server's certificate on purpose means deleting its line, by hand, knowingly.
 */
public final class KnownServers {
    /** The file's name in the configuration folder. */
    public static final String FILE = "known-servers";

    private final Path file;

    KnownServers(Path file) {
        this.file = file;
    }

    /** The file, to name in messages. */
    public Path file() {
        return file;
    }

    /** The fingerprint confirmed for {@code server}, if any. */
    public Optional<Fingerprint> find(ServerAddress server) {
        return Optional.ofNullable(read().get(server.key()));
    }

    /** Remembers {@code fingerprint} for {@code server}, replacing nothing else. */
    public void add(ServerAddress server, Fingerprint fingerprint) {
        Map<String, Fingerprint> all = read();
        all.put(server.key(), fingerprint);
        StringBuilder text = new StringBuilder("# Servers whose certificate this user confirmed: host:port SHA-256\n");
        all.forEach((key, value) -> text.append(key).append(' ').append(value).append('\n'));
        try {
            OwnerOnlyFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConsoleException(
                    Failure.LOCAL_FILES, "Cannot write the list of trusted servers " + file + ": " + e.getMessage(), e);
        }
    }

    private Map<String, Fingerprint> read() {
        Map<String, Fingerprint> servers = new LinkedHashMap<>();
        try {
            int number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] parts = text.split("\\s+");
                if (parts.length != 2) {
                    throw new ConsoleException(
                            Failure.LOCAL_FILES,
                            "Line " + number + " of " + file
                                    + " is not 'host:port fingerprint'; correct or delete it.");
                }
                servers.put(parts[0], Fingerprint.parse(parts[1]));
            }
        } catch (NoSuchFileException e) {
            return servers;
        } catch (IOException e) {
            throw new ConsoleException(
                    Failure.LOCAL_FILES, "Cannot read the list of trusted servers " + file + ": " + e.getMessage(), e);
        }
        return servers;
    }
}
