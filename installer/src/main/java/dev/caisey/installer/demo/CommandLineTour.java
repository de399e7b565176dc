package dev.caisey.installer.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where there is no display: the same sessions shown through the {@code caisey} command line a technician would use,
 * ending with the printer-spooler session's PDF written and verified.
 */
final class CommandLineTour {
    private final Children children;
    private final Path folder;
    private final Progress progress;
    private final Map<String, String> env;

    CommandLineTour(Children children, Path folder, Progress progress, Map<String, String> env) {
        this.children = children;
        this.folder = folder;
        this.progress = progress;
        this.env = env;
    }

    void show(String session) {
        progress.step("No display here, so the console's part is shown with the caisey command line");
        caisey("sessions");
        caisey("show", session);
        Path pdf = folder.resolve("HD-4471.pdf");
        caisey("export", session, "--pdf", pdf.toString());
        caisey("verify", pdf.toString());
        caisey("sla", "--org", LocalSetup.ORGANISATION);
    }

    private void caisey(String... args) {
        progress.say("$ caisey " + String.join(" ", args));
        Children.Result result = children.run("caisey", null, env, List.of(args));
        progress.say(result.out().stripTrailing());
        if (result.status() != 0) {
            throw new DemoException("caisey " + args[0] + " failed (exit " + result.status() + "); see "
                    + folder.resolve("caisey.log"));
        }
    }
}
