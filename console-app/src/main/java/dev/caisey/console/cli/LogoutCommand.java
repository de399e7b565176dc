package dev.caisey.console.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.console.config.TokenStore;
import dev.caisey.record.json.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code caisey logout}: forgets the remembered sign-in (deletes the token file). */
@Command(name = "logout", description = "Forget the remembered sign-in (deletes its token file).")
final class LogoutCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    Common common;

    LogoutCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        TokenStore tokens = context.home(common.configDir).tokens();
        boolean was = tokens.delete();
        if (common.json) {
            ObjectNode node = Json.object();
            node.put("signedOut", was);
            context.json(node);
        } else {
            context.out().println(was ? "Signed out; the token was deleted." : "Not signed in; nothing to do.");
        }
        return ExitCodes.OK;
    }
}
