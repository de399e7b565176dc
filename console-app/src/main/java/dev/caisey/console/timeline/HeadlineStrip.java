package dev.caisey.console.timeline;

import dev.caisey.report.phrasebook.Headline;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The strip above the timeline with the figures a manager looks for first: the headline sentence (UTC in its
 * tooltip), when the technician connected, first acted, verified the fix and closed, how long the fix took against the
 * organisation's target, and whether the target was met, coloured. It only shows {@link HeadlineFigures}; the words are
 * the report's.
 */
final class HeadlineStrip {
    private static final Map<HeadlineFigures.Verdict, PseudoClass> VERDICTS = Map.of(
            HeadlineFigures.Verdict.MET, PseudoClass.getPseudoClass("met"),
            HeadlineFigures.Verdict.MISSED, PseudoClass.getPseudoClass("missed"),
            HeadlineFigures.Verdict.OPEN, PseudoClass.getPseudoClass("open"));
    private static final List<String> SLA_SHOWN = List.of("Fix verified", "Agreed target");

    private final VBox root = new VBox(6);
    private final Label sentence = new Label("Reading the session…");
    private final Tooltip utc = new Tooltip();
    private final HBox figures = new HBox(22);
    private final Label result = new Label();

    /** A strip showing {@code headline} as it changes. */
    HeadlineStrip(ObservableValue<HeadlineFigures> headline) {
        root.getStyleClass().add("timeline-headline");
        sentence.setId("headlineSentence");
        sentence.setWrapText(true);
        sentence.setTooltip(utc);
        figures.setAlignment(Pos.BOTTOM_LEFT);
        result.setId("slaResult");
        result.getStyleClass().add("timeline-sla");
        result.setWrapText(true);
        root.getChildren().addAll(sentence, figures);
        root.setPadding(new Insets(8, 12, 8, 12));
        headline.addListener((o, was, is) -> show(is));
        show(headline.getValue());
    }

    private void show(HeadlineFigures h) {
        figures.getChildren().clear();
        if (h == null) {
            return;
        }
        sentence.setText(h.sentence());
        utc.setText(h.utcSentence());
        for (Headline.Figure f : h.moments()) {
            figures.getChildren().add(figure(f.label(), f.value(), "figure-" + id(f.label())));
        }
        for (Headline.Figure f : h.sla()) {
            if (SLA_SHOWN.contains(f.label())) {
                figures.getChildren().add(figure(f.label(), f.value(), "figure-" + id(f.label())));
            }
        }
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        result.setText(h.result().isEmpty() ? "No agreed target" : capitalised(h.result()));
        VERDICTS.forEach((verdict, pseudo) -> result.pseudoClassStateChanged(pseudo, verdict == h.verdict()));
        figures.getChildren().addAll(spring, result);
    }

    private static Node figure(String label, String value, String id) {
        Label title = new Label(label);
        title.getStyleClass().add("timeline-figure-label");
        Label shown = new Label(value);
        shown.setId(id);
        shown.getStyleClass().add("timeline-figure-value");
        return new VBox(1, title, shown);
    }

    private static String id(String label) {
        return label.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The strip's node. */
    Node node() {
        return root;
    }
}
