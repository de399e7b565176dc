package dev.caisey.console.cli;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.config.ConsoleHome;
import dev.caisey.console.config.SavedLogin;
import dev.caisey.console.mirror.Mirror;
import dev.caisey.console.mirror.MirrorSync;
import dev.caisey.console.mirror.Refusal;
import dev.caisey.console.mirror.SyncProgress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local copy of the signed-in user's records for commands that work from it (SLA figures): brought up to date
 * from the server first when it can be reached, else used as it is, with a line on stderr saying which. Without any
 * copy and without the server there is nothing to work from, and the command says so.
 */
final class LocalRecords {
    private LocalRecords() {}

    /** The mirror of the remembered sign-in, synced first unless {@code offline}; close it when done. */
    static Mirror open(CliContext context, Common common, boolean offline) {
        ConsoleHome home = context.home(common.configDir);
        SavedLogin saved = home.tokens()
                .load()
                .orElseThrow(() -> new ConsoleException(
                        Failure.NOT_SIGNED_IN,
                        "Not signed in, so there are no local records. Run: caisey login --server URL --user NAME"
                                + " --password-stdin"));
        Path folder = Mirror.folder(home.data(), saved.server(), saved.user());
        if (offline) {
            if (!Files.isDirectory(folder)) {
                throw new ConsoleException(
                        Failure.BAD_INPUT,
                        "There is no local copy of the records of " + saved.user() + " on "
                                + saved.server().key()
                                + " yet; run without --offline once while the server can be reached.");
            }
            context.err().println("caisey: working from the local copy of your records (--offline).");
            return Mirror.open(folder);
        }
        Mirror mirror = Mirror.open(folder);
        try (ConsoleClient client = SignedIn.open(context, common);
                MirrorSync sync = new MirrorSync(mirror, client, p -> {})) {
            SyncProgress done = CliContext.await(sync.once());
            if (done.problem() != null) {
                context.err().println("caisey: " + done.describe());
            }
            for (Refusal r : done.refusals()) {
                context.err().println("caisey: " + r.sentence());
            }
        } catch (ConsoleException e) {
            if (e.failure() != Failure.CONNECTION && e.failure() != Failure.TIMEOUT) {
                mirror.close();
                throw e;
            }
            context.err()
                    .println("caisey: the server cannot be reached (" + e.getMessage()
                            + "); working from the local copy of your records.");
        }
        return mirror;
    }
}
