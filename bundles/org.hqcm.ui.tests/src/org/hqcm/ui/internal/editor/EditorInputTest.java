package org.hqcm.ui.internal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.ide.IDE;
import org.hqcm.model.Backend;
import org.hqcm.model.Experiment;
import org.hqcm.model.HqcmPackage.Literals;
import org.hqcm.model.Optimizer;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.SourceKind;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.ui.internal.Labels;
import org.hqcm.ui.internal.testing.UiRobot;
import org.hqcm.ui.internal.testing.UiTesting;
import org.hqcm.ui.internal.testing.Workbench;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The experiment editor as a person uses it, with real input only: the mouse wheel over drop-downs and fields,
 * typing, Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z, Ctrl+S and the keyboard in the dialog it may open, and the pointer resting
 * on a field for its tooltip.
 */
class EditorInputTest {

    private IProject project;
    private IFile file;
    private IWorkbenchPage page;
    private ExperimentEditor editor;

    @BeforeEach
    void quickstartInTheEditor() throws Exception {
        file = Workbench.projectWithQuickstart("editor-input-test");
        project = file.getProject();
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.getWorkbenchWindow().getShell().setSize(1300, 850);
        editor = (ExperimentEditor) IDE.openEditor(page, file);
        UiTesting.flush();
    }

    @AfterEach
    void cleanUp() throws Exception {
        page.closeAllEditors(false);
        project.delete(true, true, null);
    }

    @Test
    void theMouseWheelOverDropDownsAndFieldsScrollsTheFormAndChangesNoValue() throws Exception {
        ScrolledForm form = editor.form();
        Experiment e = editor.experiment();
        assertTrue(form.getContent().getSize().y > form.getClientArea().height, "the form is taller than its view");
        Map<String, String> before = texts();
        for (String path : List.of("dataset.sources[0].kind", "training.optimizer", "training.backend", "loss.classWeighting",
                "architecture.head.entangler", "training.learningRate")) {
            Control field = editor.field(path);
            String text = text(field);
            int origin = UiTesting.reveal(form, field);
            int max = form.getContent().getSize().y - form.getClientArea().height;
            int notches = origin < max ? 2 : -2;
            // real wheel notches over the field, under the pointer (UiRobot checks it is the field)
            UiRobot.wheel(field, new Point(field.getSize().x / 2, field.getSize().y / 2), notches);
            int after = form.getOrigin().y;
            assertTrue(notches > 0 ? after > origin : after < origin,
                    path + ": the form scrolled " + (notches > 0 ? "down" : "up") + ": " + origin + " -> " + after);
            assertEquals(text, text(field), path + " kept its value");
        }
        assertEquals(before, texts(), "no field changed");
        assertEquals(SourceKind.SYNTHETIC, e.getDataset().getSources().get(0).getKind());
        assertEquals(Optimizer.ADAMW, e.getTraining().getOptimizer());
        assertEquals(Backend.CPU, e.getTraining().getBackend());
        assertFalse(editor.isDirty(), "nothing was edited");
    }

    @Test
    void everyFieldHasTheModelsDocumentationAsItsTooltipAndReadableWords() throws Exception {
        Map<String, Control> fields = editor.fields();
        assertTrue(fields.size() > 40, "the form's fields: " + fields.keySet());
        List<String> without = new ArrayList<>();
        for (Map.Entry<String, Control> f : fields.entrySet()) {
            String tip = f.getValue().getToolTipText();
            if (tip == null || tip.length() < 20) {
                without.add(f.getKey());
            }
        }
        assertEquals(List.of(), without, "fields without a tooltip");
        String zeta = fields.get("loss.zeta").getToolTipText();
        assertEquals(Labels.tooltip(Literals.LOSS__ZETA), zeta, "the tooltip is the model's documentation");
        assertTrue(zeta.contains("binary cross-entropy") && zeta.contains("paper: 0.3") && zeta.endsWith("Default: 0.3"), zeta);
        assertTrue(fields.get("loss.alpha").getToolTipText().contains("L = alpha x L_class + beta x L_attn"));

        // labels and drop-down values in words: no "Tsne", no STRONGLY_ENTANGLING
        List<String> labels = new ArrayList<>();
        for (Control c : fields.values()) {
            for (Control sibling : c.getParent().getChildren()) {
                if (sibling instanceof Label l && !l.getText().isEmpty()) {
                    labels.add(l.getText());
                }
            }
        }
        assertTrue(labels.contains("t-SNE perplexity:"), labels.toString());
        assertTrue(labels.contains("zeta (BCE weight):"), labels.toString());
        assertTrue(labels.stream().noneMatch(l -> l.contains("Tsne")), labels.toString());
        Pattern raw = Pattern.compile("[A-Z]+_[A-Z_]+|[A-Z]{4,}");
        for (Control c : fields.values()) {
            if (c instanceof Combo combo) {
                for (String item : combo.getItems()) {
                    assertFalse(raw.matcher(item).find() && !item.equals("DICOM folder") && !item.equals("CUDA"),
                            "a raw enumeration name in a drop-down: " + item);
                }
            }
        }
        assertEquals(List.of("Strongly entangling", "Basic entangling"),
                Arrays.asList(((Combo) fields.get("architecture.head.entangler")).getItems()));
        assertEquals("AdamW", ((Combo) fields.get("training.optimizer")).getText());

        // the pointer resting on a field shows its tooltip (in the screenshot), the editor maximized as for reading
        org.eclipse.ui.IWorkbenchPartReference ref = page.getReference(editor);
        page.setPartState(ref, IWorkbenchPage.STATE_MAXIMIZED);
        try {
            UiTesting.flush();
            Control zetaField = fields.get("loss.zeta");
            UiTesting.reveal(editor.form(), zetaField);
            UiRobot.hover(zetaField, new Point(zetaField.getSize().x / 3, zetaField.getSize().y / 2));
            UiTesting.pause(Duration.ofMillis(2500));
            UiTesting.screenshot(Workbench.shell(), "experiment-editor-tooltip.png");
        } finally {
            page.setPartState(ref, IWorkbenchPage.STATE_RESTORED);
        }
    }

    @Test
    void aWordInANumberFieldSaysInPlainWordsWhatTheFieldWants() throws Exception {
        double rate = editor.experiment().getTraining().getLearningRate();
        // field, what is typed, what the field says: the expectation is the validation rule's own (HqcmConstraints)
        String[][] cases = {
            {"training.learningRate", "abc", "'abc' is not a number: expected a learning rate > 0"},
            {"training.maxEpochs", "2.5", "'2.5' is not a whole number: expected maximum epochs >= 1"},
            {"dataset.trainFraction", "most", "'most' is not a number: expected a train fraction: a fraction in (0, 1)"},
            {"seed", "x", "'x' is not a whole number: expected a seed, for example 42"},
        };
        for (String[] c : cases) {
            Text field = (Text) editor.field(c[0]);
            UiTesting.reveal(editor.form(), field);
            UiRobot.typeOver(field, c[1]);
            assertEquals(c[1], field.getText(), c[0]);
            assertEquals(c[2], editor.inputProblem(field), c[0]);
        }
        assertEquals(rate, editor.experiment().getTraining().getLearningRate(), "the model keeps its value");
        assertEquals(42, editor.experiment().getSeed(), "the model keeps the last value that converted");
    }

    @Test
    void ctrlYRedoesAsCtrlShiftZDoes() throws Exception {
        QuantumHead head = (QuantumHead) editor.experiment().getArchitecture().getHead();
        Text qubits = (Text) editor.field("architecture.head.qubits");
        UiTesting.reveal(editor.form(), qubits);
        UiRobot.typeOver(qubits, "3");
        assertEquals(3, head.getQubits(), "typed into the model");
        UiRobot.key(qubits.getDisplay(), SWT.CTRL, 'z');
        assertEquals(5, head.getQubits(), "Ctrl+Z undoes");
        UiRobot.key(qubits.getDisplay(), SWT.CTRL, 'y');
        assertEquals(3, head.getQubits(), "Ctrl+Y redoes");
        assertEquals("3", qubits.getText());
        UiRobot.key(qubits.getDisplay(), SWT.CTRL, 'z');
        assertEquals(5, head.getQubits());
        UiRobot.key(qubits.getDisplay(), SWT.CTRL | SWT.SHIFT, 'z');
        assertEquals(3, head.getQubits(), "Ctrl+Shift+Z redoes as well");
    }

    @Test
    void savingAnExperimentWithErrorsWarnsAndTheKeyboardDecides() throws Exception {
        Text rate = (Text) editor.field("training.learningRate");
        UiTesting.reveal(editor.form(), rate);
        UiRobot.typeOver(rate, "-1");
        assertEquals(-1.0, editor.experiment().getTraining().getLearningRate());
        String onDisk = Files.readString(file.getLocation().toPath());

        // Ctrl+S, and Escape in the warning: nothing is written
        List<String> seen = new ArrayList<>();
        Workbench.whenShellOpens(Messages.ExperimentEditor_saveWithErrorsTitle, shell -> {
            seen.add(dialogText(shell));
            UiTesting.screenshot(shell, "save-with-errors.png");
            UiRobot.key(shell.getDisplay(), 0, SWT.ESC);
        });
        UiRobot.key(rate.getDisplay(), SWT.CTRL, 's');
        UiTesting.waitUntil("the warning", Duration.ofSeconds(30), () -> !seen.isEmpty());
        assertTrue(seen.get(0).contains("training.learningRate: -1 is not allowed; expected > 0"), seen.get(0));
        assertTrue(editor.isDirty(), "Escape: not saved");
        assertEquals(onDisk, Files.readString(file.getLocation().toPath()));

        // Ctrl+S, and Enter (Save Anyway): saved with the error
        Workbench.whenShellOpens(Messages.ExperimentEditor_saveWithErrorsTitle, shell -> {
            seen.add(dialogText(shell));
            UiRobot.key(shell.getDisplay(), 0, SWT.CR);
        });
        UiRobot.key(rate.getDisplay(), SWT.CTRL, 's');
        UiTesting.waitUntil("the second warning", Duration.ofSeconds(30), () -> seen.size() == 2);
        UiTesting.waitUntil("the save", Duration.ofSeconds(10), () -> !editor.isDirty());
        assertEquals(-1.0, HqcmResources.loadExperiment(file.getLocation().toPath()).getTraining().getLearningRate());

        // a valid experiment saves without a question
        UiRobot.typeOver(rate, "0.02");
        UiRobot.key(rate.getDisplay(), SWT.CTRL, 's');
        UiTesting.waitUntil("the save", Duration.ofSeconds(10), () -> !editor.isDirty());
        assertEquals(2, seen.size(), "no warning for a valid experiment");
    }

    private Map<String, String> texts() {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        editor.fields().forEach((k, c) -> texts.put(k, text(c)));
        return texts;
    }

    private static String text(Control c) {
        if (c instanceof Combo combo) {
            return combo.getText();
        }
        if (c instanceof Text t) {
            return t.getText();
        }
        if (c instanceof Button b) {
            return Boolean.toString(b.getSelection());
        }
        return String.valueOf(c);
    }

    /** The message of a dialog: the texts of its labels. */
    private static String dialogText(org.eclipse.swt.widgets.Shell shell) {
        StringBuilder b = new StringBuilder();
        collect(shell, b);
        return b.toString();
    }

    private static void collect(org.eclipse.swt.widgets.Composite c, StringBuilder b) {
        for (Control child : c.getChildren()) {
            if (child instanceof Label l) {
                b.append(l.getText()).append('\n');
            } else if (child instanceof org.eclipse.swt.widgets.Composite k) {
                collect(k, b);
            }
        }
    }
}
