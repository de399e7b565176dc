package dev.caisey.console.sla;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.record.json.Json;
import dev.caisey.report.phrasebook.Milestones;
import java.time.Duration;

/**
 * The SLA figures as one JSON document, for {@code caisey sla --json} and for scripts that feed a dashboard. Like the
 * other commands' JSON, times are UTC ISO-8601 strings to the second and absent ones are {@code null}; durations are
 * whole seconds (rounded down) in members named {@code ...Seconds}; the organisation's zone is given once so a reader
 * can show local times. Shape:
 *
 * <pre>{@code
 * {"organisation": {"id", "name", "timeZone"}, "from", "to", "grouping", "targetMinutes",
 *  "overall": FIGURES, "groups": [{"period", "label", "firstDay", "lastDay", ...FIGURES}],
 *  "sessions": [{"session", "endpoint", "technician", "reportedAt", "connectedAt", "firstActionAt", "verifiedAt",
 *                "closedAt", "reportToConnectionSeconds", ..., "targetMinutes", "result"}]}
 * result: "met", "missed", "no-target" (fix verified, no target agreed), "no-fix" (closed unfixed), "open"
 * FIGURES: "sessions", "withinTarget", "missedTarget", "verifiedNoTarget", "noVerifiedFix", "stillOpen",
 *          "targetMinutes", "measures": {"reportToFix": {"count", "medianSeconds", "p90Seconds", "meanSeconds"}, ...}
 * }</pre>
 */
public final class SlaJson {
    private SlaJson() {}

    /** The whole report. */
    public static ObjectNode tree(SlaReport report) {
        ObjectNode root = Json.object();
        ObjectNode organisation = root.putObject("organisation");
        organisation.put("id", report.organisationId());
        organisation.put("name", report.organisationName());
        organisation.put("timeZone", report.zone().getId());
        root.put("from", report.from().toString());
        root.put("to", report.to().toString());
        root.put("grouping", report.grouping().word());
        root.put("targetMinutes", report.targetMinutes());
        figures(root.putObject("overall"), report.overall());
        ArrayNode groups = root.putArray("groups");
        for (SlaGroup g : report.groups()) {
            ObjectNode node = groups.addObject();
            node.put("period", g.key());
            node.put("label", g.label());
            node.put("firstDay", g.first().toString());
            node.put("lastDay", g.last().toString());
            figures(node, g.figures());
        }
        ArrayNode sessions = root.putArray("sessions");
        report.rows().forEach(r -> row(sessions.addObject(), r));
        return root;
    }

    private static void figures(ObjectNode node, SlaFigures f) {
        node.put("sessions", f.sessions());
        node.put("withinTarget", f.withinTarget());
        node.put("missedTarget", f.missedTarget());
        node.put("verifiedNoTarget", f.noTarget());
        node.put("noVerifiedFix", f.noVerifiedFix());
        node.put("stillOpen", f.stillOpen());
        node.put("targetMinutes", f.targetMinutes());
        ObjectNode measures = node.putObject("measures");
        for (Measure m : Measure.values()) {
            Stats s = f.stats(m);
            ObjectNode stats = measures.putObject(m.jsonName());
            stats.put("count", s.count());
            stats.put("medianSeconds", Stats.seconds(s.median()));
            stats.put("p90Seconds", Stats.seconds(s.p90()));
            stats.put("meanSeconds", Stats.seconds(s.mean()));
        }
    }

    private static void row(ObjectNode node, SlaRow r) {
        Milestones t = r.milestones();
        node.put("session", r.session());
        node.put("endpoint", r.endpoint());
        node.put("technician", r.technician());
        time(node, "reportedAt", t.reportedAt());
        time(node, "connectedAt", t.connectedAt());
        time(node, "firstActionAt", t.firstActionAt());
        time(node, "verifiedAt", t.verifiedAt());
        time(node, "closedAt", t.closedAt());
        for (Measure m : Measure.values()) {
            Duration d = r.measure(m);
            node.put(m.jsonName() + "Seconds", Stats.seconds(d));
        }
        node.put("targetMinutes", r.targetMinutes());
        node.put("result", r.resultWord().replace(' ', '-'));
    }

    private static void time(ObjectNode node, String name, Long micros) {
        node.put(name, micros == null ? null : SlaCsv.utc(micros));
    }
}
