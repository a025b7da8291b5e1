package org.hqcm.ui.internal.editor;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CCombo;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.ScrollBar;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.forms.widgets.ScrolledForm;

/**
 * A mouse wheel over a drop-down or spinner of the form scrolls the form and leaves the value alone: GTK turns a
 * wheel over a combo box into a new selection, which changed experiments silently (Backend CPU became CUDA,
 * Optimizer ADAMW became ADAM then SGD while a user scrolled the form). A display filter sees the wheel event
 * before the widget, cancels it and moves the form instead; values change only by clicks and keys. Over text fields
 * and labels the form scrolls as any scrolled composite does. EditorInputTest turns a real wheel (X button 4/5
 * through XTest) over the drop-downs: GTK 3 reports the notch to the combo, and SWT's display filter sees it first.
 */
final class WheelScrollsForm implements Listener {

    /** Pixels per wheel step: three lines of the form's text. */
    private static final int LINES_PER_NOTCH = 3;

    private final ScrolledForm form;

    private WheelScrollsForm(ScrolledForm form) {
        this.form = form;
    }

    /** Installs the behaviour for the form's lifetime. */
    static void install(ScrolledForm form) {
        WheelScrollsForm filter = new WheelScrollsForm(form);
        form.getDisplay().addFilter(SWT.MouseVerticalWheel, filter);
        form.addListener(SWT.Dispose, e -> e.display.removeFilter(SWT.MouseVerticalWheel, filter));
    }

    @Override
    public void handleEvent(Event e) {
        if (!(e.widget instanceof Combo || e.widget instanceof CCombo || e.widget instanceof Spinner)
                || form.isDisposed() || !inForm((Control) e.widget)) {
            return;
        }
        e.doit = false;
        ScrollBar bar = form.getVerticalBar();
        if (bar == null) {
            return;
        }
        int line = Math.max(8, ((Control) e.widget).getFont().getFontData()[0].getHeight() * 2);
        int notches = e.count == 0 ? 0 : e.count / Math.max(1, Math.abs(e.count));
        Point origin = form.getOrigin();
        int max = Math.max(0, form.getContent().getSize().y - form.getClientArea().height);
        int y = Math.max(0, Math.min(max, origin.y - notches * LINES_PER_NOTCH * line));
        form.setOrigin(origin.x, y);
    }

    private boolean inForm(Control c) {
        for (Control p = c; p != null; p = p.getParent()) {
            if (p == form) {
                return true;
            }
        }
        return false;
    }
}
