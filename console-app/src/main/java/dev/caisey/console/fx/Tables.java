package dev.caisey.console.fx;

import atlantafx.base.theme.Styles;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.controlsfx.control.textfield.CustomTextField;

/**
 * The console's list tables behave alike: text columns, a state column coloured like presence, the selection kept in
 * step with a ViewModel property, and a double-click or Enter opening the selected row. One place for all of it.
 */
public final class Tables {
    private Tables() {}

    /** A column of text taken from each row. */
    public static <T> TableColumn<T, String> column(String title, double width, Function<T, String> text) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return c;
    }

    /** A text column shown in the presence colours: green where {@code live} says so, muted otherwise. */
    public static <T> TableColumn<T, String> stateColumn(
            String title, double width, Function<T, String> text, Predicate<String> live) {
        TableColumn<T, String> c = column(title, width, text);
        c.setCellFactory(unused -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value);
                getStyleClass().removeAll("presence-online", "presence-offline");
                if (!empty && value != null) {
                    getStyleClass().add(live.test(value) ? "presence-online" : "presence-offline");
                }
            }
        });
        return c;
    }

    /**
     * Keeps the table's selection and {@code selected} in step both ways, and runs {@code open} on a double-click of a
     * row or on Enter.
     */
    public static <T> void pickRows(TableView<T> table, ObjectProperty<T> selected, Runnable open) {
        table.setRowFactory(t -> {
            TableRow<T> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    open.run();
                }
            });
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> selected.set(is));
        selected.addListener((o, was, is) -> {
            if (is != null && table.getSelectionModel().getSelectedItem() != is) {
                table.getSelectionModel().select(is);
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open.run();
            }
        });
    }

    /** The "Find …" field above a table, bound both ways to the list's search text, growing to fill its row. */
    public static CustomTextField findField(String id, String prompt, StringProperty text) {
        CustomTextField search = new CustomTextField();
        search.setId(id);
        search.setPromptText(prompt);
        Label find = new Label("Find");
        find.setPadding(new Insets(0, 6, 0, 8));
        find.getStyleClass().add(Styles.TEXT_MUTED);
        search.setLeft(find);
        search.textProperty().bindBidirectional(text);
        HBox.setHgrow(search, Priority.ALWAYS);
        return search;
    }

    /** "12 shown": how many rows a filtered list shows. */
    public static Label shownCount(ObservableList<?> shown) {
        Label count = new Label();
        count.textProperty().bind(Bindings.size(shown).asString("%d shown"));
        count.getStyleClass().add(Styles.TEXT_MUTED);
        return count;
    }
}
