package dev.caisey.console.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The console's configuration folder (the servers it trusts and the sign-in it remembers) and its data folder (the
 * local copy of records). The configuration folder is the first of: the folder given on the command line, {@value
 * #ENV} , {@code $XDG_CONFIG_HOME/caisey}, {@code ~/.config/caisey}; the data folder is {@code data} inside a folder
 * given on the command line or in {@value #ENV}, else {@code $XDG_DATA_HOME/caisey} or {@code ~/.local/share/caisey}.
 * Tests and scripts point {@value #ENV} at a folder of their own, and get both in it.
 *
 * @param dir the configuration folder (it need not exist yet; it is made owner-only when something is written)
 * @param data the data folder (likewise)
 */
public record ConsoleHome(Path dir, Path data) {
    /** Both in one folder: the configuration in {@code dir}, the data in {@code dir/data}. */
    public ConsoleHome(Path dir) {
        this(dir, dir.resolve("data"));
    }

    /** The environment variable that overrides the folder. */
    public static final String ENV = "CAISEY_CONFIG_DIR";

    /** The folder for an explicit choice ({@code null}: none) and this process's environment. */
    public static ConsoleHome locate(Path explicit) {
        return locate(explicit, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The folder for an explicit choice, an environment and a home folder. */
    public static ConsoleHome locate(Path explicit, Map<String, String> env, Path home) {
        if (explicit != null) {
            return new ConsoleHome(explicit.toAbsolutePath());
        }
        String override = env.get(ENV);
        if (override != null && !override.isBlank()) {
            return new ConsoleHome(Path.of(override).toAbsolutePath());
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config");
        String xdgData = env.get("XDG_DATA_HOME");
        Path dataBase = xdgData != null && !xdgData.isBlank() ? Path.of(xdgData) : home.resolve(".local/share");
        return new ConsoleHome(
                base.resolve("caisey").toAbsolutePath(),
                dataBase.resolve("caisey").toAbsolutePath());
    }

    /** The servers this user trusts, one {@code host:port fingerprint} a line. */
    public KnownServers knownServers() {
        return new KnownServers(dir.resolve(KnownServers.FILE));
    }

    /** The remembered sign-in (token, never the password). */
    public TokenStore tokens() {
        return new TokenStore(dir.resolve(TokenStore.FILE));
    }
}
