package dev.caisey.console.app;

import dev.caisey.console.config.ConsoleHome;
import dev.caisey.console.fx.Theme;
import java.nio.file.Path;
import java.util.List;

/**
 * How the console was started: its configuration folder ({@code --config-dir DIR}, else the usual place), the theme
 * ({@code --dark}, {@code --light}, else the desktop's) and a server to suggest on the sign-in screen ({@code --server
 * URL}).
 *
 * @param home the configuration folder
 * @param theme the theme to start with
 * @param server a server URL to fill in, or {@code ""}
 */
public record ConsoleOptions(ConsoleHome home, Theme theme, String server) {
    /** Reads the command line; unknown arguments are refused with what is accepted. */
    public static ConsoleOptions parse(List<String> args) {
        Path config = null;
        String server = "";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--dark", "--light" -> {}
                case "--config-dir", "--server" -> {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException(a + " needs a value.");
                    }
                    if (a.equals("--server")) {
                        server = args.get(++i);
                    } else {
                        config = Path.of(args.get(++i));
                    }
                }
                default ->
                    throw new IllegalArgumentException("Unknown option " + a
                            + ". Usage: caisey-console [--dark|--light] [--config-dir DIR] [--server URL]");
            }
        }
        return new ConsoleOptions(ConsoleHome.locate(config), Theme.choose(args), server);
    }
}
