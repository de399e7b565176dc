package dev.caisey.console.login;

import atlantafx.base.theme.Styles;
import dev.caisey.console.login.LoginViewModel.Stage;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The sign-in screen: server, user and password, then on first contact the server's certificate fingerprint with
 * "Trust and sign in" / "Do not trust". Builds nodes, binds them to {@link LoginViewModel}, forwards clicks.
 */
public final class LoginView {
    private final StackPane root = new StackPane();

    /** The screen for {@code model}. */
    public LoginView(LoginViewModel model) {
        Label title = new Label("Sign in to Caisey");
        title.getStyleClass().add(Styles.TITLE_2);

        TextField server = field("server", "wss://caisey.example:8443");
        server.textProperty().bindBidirectional(model.server());
        TextField user = field("user", "user name");
        user.textProperty().bindBidirectional(model.user());
        PasswordField password = new PasswordField();
        password.setId("password");
        password.setPromptText("password");
        password.textProperty().bindBidirectional(model.password());

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.addRow(0, new Label("Server"), server);
        form.addRow(1, new Label("User"), user);
        form.addRow(2, new Label("Password"), password);
        GridPane.setHgrow(server, javafx.scene.layout.Priority.ALWAYS);

        Button connect = new Button("Sign in");
        connect.setId("connect");
        connect.setDefaultButton(true);
        connect.getStyleClass().add(Styles.ACCENT);
        connect.setOnAction(e -> model.connect());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(model.stage().isEqualTo(Stage.BUSY));
        HBox actions = new HBox(12, connect, busy);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label fingerprint = new Label();
        fingerprint.setId("fingerprint");
        fingerprint.getStyleClass().add("fingerprint");
        fingerprint.setWrapText(true);
        fingerprint.textProperty().bind(model.fingerprint());
        Button trust = new Button("Trust and sign in");
        trust.setId("trust");
        trust.getStyleClass().add(Styles.SUCCESS);
        trust.setOnAction(e -> model.trust());
        Button reject = new Button("Do not trust");
        reject.setId("reject");
        reject.getStyleClass().add(Styles.DANGER);
        reject.setOnAction(e -> model.reject());
        VBox confirm = new VBox(
                10,
                new Label("SHA-256 fingerprint of the server's certificate:"),
                fingerprint,
                new HBox(12, trust, reject));
        showWhen(confirm, model, Stage.CONFIRM);
        showWhen(actions, model, Stage.FORM, Stage.BUSY);
        form.disableProperty().bind(model.stage().isNotEqualTo(Stage.FORM));

        Label message = new Label();
        message.setId("loginMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.message());
        model.problem().addListener((o, was, is) -> message.pseudoClassStateChanged(Styles.STATE_DANGER, is));

        Button offline = new Button();
        offline.setId("workOffline");
        offline.textProperty().bind(model.offlineChoice());
        offline.visibleProperty().bind(model.offlineChoice().isNotEmpty());
        offline.managedProperty().bind(offline.visibleProperty());
        offline.setOnAction(e -> model.workOffline());

        VBox card = new VBox(16, title, form, actions, confirm, message, offline);
        card.getStyleClass().add("login-card");
        card.setPadding(new Insets(28));
        card.setMaxWidth(560);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        root.getChildren().add(card);
        root.setPadding(new Insets(24));
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(28);
        return field;
    }

    private static void showWhen(Node node, LoginViewModel model, Stage... stages) {
        Runnable update = () -> {
            boolean show =
                    java.util.Arrays.asList(stages).contains(model.stage().get());
            node.setVisible(show);
            node.setManaged(show);
        };
        model.stage().addListener((o, was, is) -> update.run());
        update.run();
    }

    /** The screen's root node. */
    public Node node() {
        return root;
    }

    /** Puts the cursor where typing should start. */
    public void focus() {
        root.lookupAll(".text-field").stream()
                .filter(n -> n instanceof TextField t && t.getText().isEmpty())
                .findFirst()
                .ifPresent(Node::requestFocus);
    }
}
