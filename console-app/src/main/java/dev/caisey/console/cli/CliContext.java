package dev.caisey.console.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.console.config.ConsoleHome;
import dev.caisey.record.json.Json;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What one run of {@code caisey} works with: its streams, its environment, the terminal if there is one, and the
 * helpers every subcommand shares (waiting for a future, printing words or JSON). Tests run the command line in-process
 * with streams of their own and no terminal.
 *
 * @param in standard input (passwords, scripts)
 * @param out standard output (results)
 * @param err standard error (progress, problems)
 * @param env the environment
 * @param terminal the terminal to ask the user at, or {@code null} when there is none
 */
public record CliContext(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env, Console terminal) {

    /** The configuration folder for an explicit choice ({@code null}: the usual place for this environment). */
    ConsoleHome home(Path explicit) {
        return ConsoleHome.locate(explicit, env, Path.of(System.getProperty("user.home")));
    }

    /** Waits for a future of the client core, rethrowing its failure as it was. */
    static <T> T await(CompletableFuture<T> work) {
        try {
            return work.get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConsoleException c) {
                throw c;
            }
            throw new ConsoleException(Failure.CONNECTION, "The request failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsoleException(Failure.CONNECTION, "Interrupted while waiting for the server.");
        }
    }

    /** The first line of standard input, without its line break. */
    String readLine(String what) {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new ConsoleException(Failure.BAD_INPUT, "Standard input gave no " + what + ".");
            }
            return line;
        } catch (IOException e) {
            throw new ConsoleException(Failure.BAD_INPUT, "Cannot read the " + what + " from standard input.", e);
        }
    }

    /** All of standard input. */
    String readAll(String what) {
        try {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (text.isBlank()) {
                throw new ConsoleException(Failure.BAD_INPUT, "Standard input gave no " + what + ".");
            }
            return text;
        } catch (IOException e) {
            throw new ConsoleException(Failure.BAD_INPUT, "Cannot read the " + what + " from standard input.", e);
        }
    }

    /** Prints one JSON document on standard output. */
    void json(JsonNode node) {
        out.println(Json.write(node));
        out.flush();
    }
}
