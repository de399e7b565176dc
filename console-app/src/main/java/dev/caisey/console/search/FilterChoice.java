package dev.caisey.console.search;

import dev.caisey.record.event.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One entry of a filter drop-down of the search screen: the key the query filters by and the label a person reads.
 * The first entry of every drop-down is "any" (an empty key), so no filter ever needs a {@code null} item, which a
 * combo box shows badly. Its {@link #toString()} is the label, so a plain combo box shows it without a converter.
 *
 * @param key what the query filters by (an organisation id, an endpoint name, an outcome's wire name); empty for any
 * @param label what the drop-down shows
 */
public record FilterChoice(String key, String label) {

    /** Checks both are present. */
    public FilterChoice {
        if (key == null || label == null || label.isBlank()) {
            throw new IllegalArgumentException("a filter choice has a key (empty for any) and a label");
        }
    }

    /** The "any" entry, labelled e.g. "Any endpoint". */
    public static FilterChoice any(String label) {
        return new FilterChoice("", label);
    }

    /** Whether this entry filters nothing. */
    public boolean isAny() {
        return key.isEmpty();
    }

    /** The key, or {@code null} for the "any" entry. */
    public String keyOrNull() {
        return isAny() ? null : key;
    }

    /** "Any organisation", then every organisation by name. */
    static List<FilterChoice> organisations(List<SearchFacets.OrganisationChoice> organisations) {
        List<FilterChoice> list = new ArrayList<>();
        list.add(any("Any organisation"));
        organisations.forEach(o -> list.add(new FilterChoice(o.id(), o.name())));
        return list;
    }

    /** "Any …", then every name, keyed by itself. */
    static List<FilterChoice> names(String any, List<String> names) {
        List<FilterChoice> list = new ArrayList<>();
        list.add(any(any));
        names.forEach(n -> list.add(new FilterChoice(n, n)));
        return list;
    }

    /** "Any outcome", then each outcome ("Resolved"). */
    static List<FilterChoice> outcomes() {
        List<FilterChoice> list = new ArrayList<>();
        list.add(any("Any outcome"));
        for (Outcome o : Outcome.values()) {
            String w = o.wireName();
            list.add(new FilterChoice(w, w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1)));
        }
        return list;
    }

    /** The outcome an entry of {@link #outcomes()} stands for, {@code null} for any. */
    static Outcome outcome(FilterChoice c) {
        return c == null || c.isAny() ? null : Outcome.ofWireName(c.key());
    }

    /** The entry of {@code list} with the same key as {@code kept}, or the list's "any" entry. */
    static FilterChoice keep(List<FilterChoice> list, FilterChoice kept) {
        return list.stream()
                .filter(c -> kept != null && c.key().equals(kept.key()))
                .findFirst()
                .orElse(list.get(0));
    }

    @Override
    public String toString() {
        return label;
    }
}
