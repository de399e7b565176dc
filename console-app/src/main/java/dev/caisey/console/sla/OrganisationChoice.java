package dev.caisey.console.sla;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client organisation to choose on the SLA screen, shown by its name. The list is made from the sessions the mirror
 * holds, not from a separate list of organisations, so the screen offers exactly the organisations it has figures
 * for; each is named as in its latest session (a renamed client shows its new name).
 *
 * @param id the organisation's id
 * @param name its name
 */
public record OrganisationChoice(String id, String name) {

    /** The organisations of {@code sessions}, sorted by name (ignoring case), each named as in its latest session. */
    public static List<OrganisationChoice> of(List<SessionTimes> sessions) {
        Map<String, OrganisationChoice> latest = new LinkedHashMap<>();
        sessions.stream()
                .sorted(Comparator.comparingLong(
                        (SessionTimes s) -> s.milestones().connectedAt()))
                .forEach(s -> latest.put(
                        s.organisationId(),
                        new OrganisationChoice(
                                s.organisationId(),
                                s.milestones().organisation().name())));
        return latest.values().stream()
                .sorted(Comparator.comparing(OrganisationChoice::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(OrganisationChoice::id))
                .toList();
    }

    /** The report's organisation among {@code choices}, or a choice made from the report when it is not there. */
    static OrganisationChoice find(List<OrganisationChoice> choices, SlaReport report) {
        return choices.stream()
                .filter(c -> c.id().equals(report.organisationId()))
                .findFirst()
                .orElse(new OrganisationChoice(report.organisationId(), report.organisationName()));
    }

    /** The name, as a choice box shows it. */
    @Override
    public String toString() {
        return name;
    }
}
