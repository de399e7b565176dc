package dev.caisey.installer.demo;

import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.config.SavedLogin;
import dev.caisey.console.connection.ConnectionSettings;
import dev.caisey.record.protocol.ClientInvited;
import dev.caisey.record.protocol.EndpointInfo;
import dev.caisey.record.protocol.LoginOk;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code caisey-demo}: Caisey on this computer in one command. Starts a server on embedded H2 in a throw-away folder,
 * enrolls and runs one agent, tells three sample sessions through the real protocol with real commands, leaves a
 * fourth open, and starts the console signed in as the technician. Without a display it shows the same through the
 * {@code caisey} command line instead and ends with a PDF written and verified. Ctrl+C stops everything it started.
 */
@Command(
        name = "caisey-demo",
        mixinStandardHelpOptions = true,
        version = "caisey-demo 0.1.0",
        description = "Starts a local Caisey (server, agent, sample sessions, console) in a throw-away folder.")
public final class DemoCommand implements Callable<Integer> {
    /** How long the agent may take to show up online after it was started. */
    static final Duration AGENT_ONLINE_WAIT = Duration.ofSeconds(60);

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Keep everything in DIR (default: a temporary folder, deleted at the end).")
    Path data;

    @Option(names = "--port", paramLabel = "PORT", description = "The server's TLS port (default: a free one).")
    Integer port;

    @Option(
            names = "--no-console",
            description = "Do not start the desktop console; show the sessions with the caisey command line.")
    boolean noConsole;

    @Option(
            names = "--pace-ms",
            paramLabel = "MS",
            defaultValue = "1000",
            description = "Pause between a person's steps in the sample sessions, so their timelines read naturally"
                    + " (default: ${DEFAULT-VALUE}).")
    long paceMs;

    @Option(names = "--exit-when-done", description = "Stop once the sample sessions are told (for tests and scripts).")
    boolean exitWhenDone;

    private final PrintStream out;

    DemoCommand(PrintStream out) {
        this.out = out;
    }

    /** Runs the demo; exits 0 when stopped normally, 1 when a step failed (with the reason). */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        CommandLine line = new CommandLine(new DemoCommand(out));
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof DemoException) {
                cmd.getErr().println("caisey-demo: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        System.exit(line.execute(args));
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        boolean temporary = data == null;
        Path folder = temporary ? Files.createTempDirectory("caisey-demo-") : Files.createDirectories(data);
        Progress progress = new Progress(out);
        Children children = new Children(bin(), folder);
        Thread cleanUp = Thread.ofPlatform().unstarted(() -> {
            children.close();
            if (temporary) {
                deleteTree(folder);
            }
        });
        Runtime.getRuntime().addShutdownHook(cleanUp);

        LocalSetup.Running demo = new LocalSetup(children, folder, port == null ? freePort() : port, progress).start();
        try (ConsoleClient client = new ConsoleClient(
                demo.address(), demo.fingerprint(), demo.consoleHome().knownServers(), ConnectionSettings.standard())) {
            LoginOk ok = Technician.await(client.login(LocalSetup.TECHNICIAN, LocalSetup.PASSWORD));
            demo.consoleHome()
                    .tokens()
                    .save(new SavedLogin(demo.address(), ok.user(), ok.role(), ok.token(), ok.expiresAt()));
            EndpointInfo endpoint = waitForAgent(client);
            progress.step("Telling three sample sessions on " + endpoint.name() + " (real commands, real approvals)");
            Stories stories =
                    new Stories(client, demo, endpoint.id(), Clock.systemUTC(), Duration.ofMillis(Math.max(0, paceMs)));
            List<String> told = List.of(stories.printerSpooler(), stories.declinedCleanUp(), stories.networkCheck());
            ClientInvited live = stories.liveSession();
            Map<String, String> env =
                    Map.of("CAISEY_CONFIG_DIR", demo.consoleHome().dir().toString());
            boolean display = !noConsole && hasDisplay() && Files.isExecutable(bin().resolve("caisey-console"));
            if (display) {
                progress.step("Starting the console, signed in as " + LocalSetup.TECHNICIAN);
                children.start("caisey-console", "console", env, List.of());
            } else {
                new CommandLineTour(children, folder, progress, env).show(told.getFirst());
            }
            tellWhatToTry(demo, live, display, folder, temporary);
        }
        if (exitWhenDone) {
            return 0;
        }
        progress.say("Press Ctrl+C to stop the server, the agent and the console.");
        Thread.currentThread().join();
        return 0;
    }

    private EndpointInfo waitForAgent(ConsoleClient client) {
        Instant deadline = Instant.now().plus(AGENT_ONLINE_WAIT);
        while (Instant.now().isBefore(deadline)) {
            List<EndpointInfo> endpoints = Technician.await(client.endpoints().refresh());
            for (EndpointInfo endpoint : endpoints) {
                if (endpoint.online()) {
                    return endpoint;
                }
            }
            LocalSetup.sleep(Duration.ofMillis(300));
        }
        throw new DemoException("The agent did not come online within " + AGENT_ONLINE_WAIT.toSeconds()
                + " s; see agent.log in the demo's folder.");
    }

    private void tellWhatToTry(
            LocalSetup.Running demo, ClientInvited live, boolean display, Path folder, boolean temporary) {
        out.println();
        out.println(
                "Caisey is running on https://" + demo.address().key() + " (certificate " + demo.fingerprint() + ").");
        out.println("Accounts: " + LocalSetup.TECHNICIAN + " (technician) and " + LocalSetup.MANAGER
                + " (manager), password " + LocalSetup.PASSWORD);
        out.println("Session HD-4500 is open. Try:");
        if (display) {
            out.println(
                    "  - in the console: Sessions tab (Ctrl+2), open HD-4500, run: uptime; open HD-4471 and export its PDF"
                            + " (Ctrl+E)");
        } else {
            out.println("  - export CAISEY_CONFIG_DIR=" + demo.consoleHome().dir());
            out.println("    " + bin().resolve("caisey") + " session exec " + live.session() + " -- uptime");
        }
        out.println("  - be the client: open " + live.url() + " in a browser (accept the self-signed certificate),");
        out.println("    then ask for something risky, e.g. rm -f /tmp/nothing-here, and approve it there.");
        out.println(
                (temporary
                        ? "Everything is in " + folder + " and is deleted when the demo stops."
                        : "Everything is in " + folder + "; delete the folder when done."));
    }

    private static boolean hasDisplay() {
        String display = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        return (display != null && !display.isBlank()) || (wayland != null && !wayland.isBlank());
    }

    /** The launchers' folder, beside the folder of this jar. */
    static Path bin() {
        try {
            Path jar = Path.of(DemoCommand.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return jar.getParent().getParent().resolve("bin");
        } catch (URISyntaxException e) {
            throw new DemoException("Cannot tell where the Caisey launchers are: " + e.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("caisey-demo: could not delete " + folder + ": " + e.getMessage());
        }
    }
}
