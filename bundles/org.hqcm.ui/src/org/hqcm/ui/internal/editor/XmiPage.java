package org.hqcm.ui.internal.editor;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.FormPage;

/** The model of an editor (an experiment, a sweep) as the XMI it saves to, read-only, following the edits. */
final class XmiPage extends FormPage {

    static final String ID = "org.hqcm.ui.editors.experiment.xmi";

    private final Supplier<byte[]> xmi;
    private StyledText text;

    /** The page of any editor: {@code xmi} serializes its model as it is now. */
    XmiPage(FormEditor editor, Supplier<byte[]> xmi) {
        super(editor, ID, Messages.XmiPage_title);
        this.xmi = xmi;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        GridLayoutFactory.fillDefaults().applyTo(managedForm.getForm().getBody());
        text = new StyledText(managedForm.getForm().getBody(), SWT.READ_ONLY | SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
        text.setFont(JFaceResources.getTextFont());
        GridDataFactory.fillDefaults().grab(true, true).applyTo(text);
        refresh();
    }

    @Override
    public void setActive(boolean active) {
        super.setActive(active);
        if (active) {
            refresh();
        }
    }

    /** Serializes the model as it is now (unsaved edits included). */
    void refresh() {
        if (text != null && !text.isDisposed()) {
            text.setText(new String(xmi.get(), StandardCharsets.UTF_8));
        }
    }

    String text() {
        refresh();
        return text == null ? "" : text.getText();
    }
}
