package org.hqcm.ui.internal.testing;

import java.time.Duration;
import java.util.Arrays;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;

/**
 * Input of the sweep tests beyond {@link UiRobot}'s: a read-only drop-down chosen with the arrow keys (GTK moves a
 * focused combo's choice with Up and Down, without opening its list), and a line appended to a multi-line field
 * (Ctrl+End, Return, the text).
 */
public final class SweepInput {

    private SweepInput() {
    }

    /** Chooses an item of a read-only combo as the keyboard does: the focus on it, then Down or Up until it shows. */
    public static void chooseWithKeys(Combo combo, String item) {
        int want = combo.indexOf(item);
        if (want < 0) {
            throw new AssertionError("no '" + item + "' in " + Arrays.toString(combo.getItems()));
        }
        combo.getShell().forceActive();
        // the keyboard focus as Tab would give it (a click would open the list, a popup Xvfb gives no focus to)
        UiTesting.waitUntil("the focus in " + combo, Duration.ofSeconds(10), () -> {
            combo.setFocus();
            UiTesting.flush();
            return combo.getDisplay().getFocusControl() == combo;
        });
        for (int i = 0; i < combo.getItemCount() + 2 && combo.getSelectionIndex() != want; i++) {
            UiRobot.chord(combo.getDisplay(), combo.getSelectionIndex() < want ? "Down" : "Up");
        }
        if (combo.getSelectionIndex() != want) {
            throw new AssertionError("the arrow keys did not reach '" + item + "': " + combo.getText());
        }
    }

    /** Clicks into a multi-line field, goes to its end (Ctrl+End) and types a new line and {@code line}. */
    public static void appendLine(Text text, String line) {
        UiTesting.waitUntil("the keyboard focus in " + text, Duration.ofSeconds(10), () -> {
            UiRobot.click(text);
            return text.getDisplay().getFocusControl() == text;
        });
        UiRobot.chord(text.getDisplay(), "ctrl+End");
        UiRobot.key(text.getDisplay(), 0, SWT.CR);
        UiRobot.type(text.getDisplay(), line);
    }

    /** The push button with this text among a composite's children. */
    public static Button button(Composite parent, String text) {
        for (Control c : parent.getChildren()) {
            if (c instanceof Button b && text.equals(b.getText().replace("&", ""))) {
                return b;
            }
        }
        throw new AssertionError("no button '" + text + "' in " + parent);
    }
}
