package org.hqcm.ui.internal.editor;

import java.util.List;

import org.eclipse.core.databinding.DataBindingContext;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.databinding.swt.DisplayRealm;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.IMessageManager;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.ColumnLayout;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.forms.widgets.Section;
import org.hqcm.engine.BadInputException;
import org.hqcm.engine.quantum.CircuitSpec;
import org.hqcm.engine.quantum.CircuitSpecs;
import org.hqcm.model.Architecture;
import org.hqcm.model.Dataset;
import org.hqcm.model.Experiment;
import org.hqcm.model.Head;
import org.hqcm.model.HqcmPackage;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.presets.Presets;
import org.hqcm.model.validation.Problem;
import org.hqcm.ui.internal.views.CircuitCanvas;
import org.hqcm.ui.internal.views.CircuitDiagram;

/**
 * The form of an experiment: sections Experiment, Dataset, Architecture, Quantum circuit (with the circuit drawn
 * as it is edited), Training, Loss and Evaluation; validation problems show at their fields and in the header.
 */
final class ExperimentFormPage extends FormPage implements ModelEditor.ModelPage {

    static final String ID = "org.hqcm.ui.editors.experiment.form";

    private final ExperimentEditor editor;
    private DataBindingContext context;
    private FieldBinder binder;
    private CircuitCanvas circuit;
    private DataSourcesPart sources;
    private Combo headType;
    private EClass builtHead;

    ExperimentFormPage(ExperimentEditor editor) {
        super(editor, ID, Messages.ExperimentFormPage_title);
        this.editor = editor;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        ScrolledForm form = managedForm.getForm();
        FormToolkit toolkit = managedForm.getToolkit();
        Experiment e = editor.experiment();
        form.setText(e.getName() == null ? editor.getPartName() : e.getName());
        toolkit.decorateFormHeading(form.getForm());
        ColumnLayout layout = new ColumnLayout();
        layout.minNumColumns = 1;
        layout.maxNumColumns = 2;
        form.getBody().setLayout(layout);
        WheelScrollsForm.install(form);
        form.getToolBarManager().add(runAction());
        form.updateToolBar();
        fill(managedForm);
        editor.validateNow();
    }

    /** The header's Run button: the experiment launched as Run As launches it. */
    private IAction runAction() {
        IAction run = new Action(Messages.ExperimentEditor_run,
                DebugUITools.getImageDescriptor(IDebugUIConstants.IMG_ACT_RUN)) {
            @Override
            public void run() {
                editor.run();
            }
        };
        run.setToolTipText(Messages.ExperimentEditor_runTip);
        return run;
    }

    /** (Re)creates the sections and their bindings, for the model as it is now. */
    private void fill(IManagedForm managedForm) {
        ScrolledForm form = managedForm.getForm();
        FormToolkit toolkit = managedForm.getToolkit();
        Experiment e = editor.experiment();
        Composite body = form.getBody();
        context = new DataBindingContext(DisplayRealm.getRealm(body.getDisplay()));
        binder = new FieldBinder(context, editor.domain(), toolkit);

        binder.attributes(section(toolkit, body, Messages.ExperimentFormPage_general), e);
        Dataset d = e.getDataset();
        if (d != null) {
            Composite c = section(toolkit, body, Messages.ExperimentFormPage_dataset);
            heading(toolkit, c, Messages.ExperimentFormPage_sources);
            sources = new DataSourcesPart(c, this, d, toolkit);
            heading(toolkit, c, Messages.ExperimentFormPage_split);
            binder.attributes(c, d);
            if (d.getAugmentation() != null) {
                heading(toolkit, c, Messages.ExperimentFormPage_augmentation);
                binder.attributes(c, d.getAugmentation());
            }
        }
        Architecture a = e.getArchitecture();
        if (a != null) {
            Composite c = section(toolkit, body, Messages.ExperimentFormPage_architecture);
            headChoice(toolkit, c, a);
            builtHead = a.getHead() == null ? null : a.getHead().eClass();
            binder.attributes(c, a);
            if (a.getAttention() != null) {
                heading(toolkit, c, Messages.ExperimentFormPage_attention);
                binder.attributes(c, a.getAttention());
            }
            boolean quantum = a.getHead() instanceof QuantumHead;
            Composite h = section(toolkit, body, quantum ? Messages.ExperimentFormPage_quantum : Messages.ExperimentFormPage_classical);
            binder.attributes(h, a.getHead());
            if (quantum) {
                circuit = new CircuitCanvas(h, diagram((QuantumHead) a.getHead()));
                GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(SWT.DEFAULT, 200).applyTo(circuit.control());
            } else {
                toolkit.createLabel(h, Messages.ExperimentFormPage_noCircuit, SWT.WRAP);
            }
        }
        binder.attributes(section(toolkit, body, Messages.ExperimentFormPage_training), e.getTraining());
        binder.attributes(section(toolkit, body, Messages.ExperimentFormPage_loss), e.getLoss());
        binder.attributes(section(toolkit, body, Messages.ExperimentFormPage_evaluation), e.getEvaluation());
        form.reflow(true);
    }

    /** The head type combo: switching puts the preset's head of that kind in place, as one undoable command. */
    private void headChoice(FormToolkit toolkit, Composite parent, Architecture a) {
        String tip = org.hqcm.ui.internal.Labels.tooltip(HqcmPackage.Literals.ARCHITECTURE__HEAD);
        toolkit.createLabel(parent, Messages.ExperimentFormPage_head).setToolTipText(tip);
        headType = new Combo(parent, SWT.READ_ONLY);
        headType.setToolTipText(tip);
        toolkit.adapt(headType);
        headType.setItems(Messages.ExperimentFormPage_headQuantum, Messages.ExperimentFormPage_headClassical);
        headType.select(a.getHead() instanceof QuantumHead ? 0 : 1);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(headType);
        headType.addListener(SWT.Selection, ev -> {
            boolean quantum = headType.getSelectionIndex() == 0;
            if (quantum == a.getHead() instanceof QuantumHead) {
                return;
            }
            Head head = Presets.create(quantum ? Presets.QUICKSTART : Presets.CLASSICAL).getArchitecture().getHead();
            editor.domain().getCommandStack().execute(
                    SetCommand.create(editor.domain(), a, HqcmPackage.Literals.ARCHITECTURE__HEAD, head));
        });
    }

    private void rebuild() {
        IManagedForm managedForm = getManagedForm();
        managedForm.getMessageManager().removeAllMessages();
        context.dispose();
        for (Control c : managedForm.getForm().getBody().getChildren()) {
            c.dispose();
        }
        circuit = null;
        sources = null;
        fill(managedForm);
        editor.validateNow();
    }

    /** Switches the head type as the combo would (tests). */
    void selectHead(boolean quantum) {
        headType.select(quantum ? 0 : 1);
        headType.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    private static Composite section(FormToolkit toolkit, Composite body, String title) {
        Section s = toolkit.createSection(body, Section.TITLE_BAR | Section.EXPANDED);
        s.setText(title);
        Composite c = toolkit.createComposite(s);
        c.setLayout(new GridLayout(2, false));
        // flat form texts have no border of their own: an empty field would not show at all
        toolkit.paintBordersFor(c);
        s.setClient(c);
        return c;
    }

    private static void heading(FormToolkit toolkit, Composite c, String text) {
        Control l = toolkit.createLabel(c, text);
        l.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().span(2, 1).indent(0, 6).applyTo(l);
    }

    /** The circuit of a head, or null when its values do not make one (validation says why). */
    private static CircuitDiagram diagram(QuantumHead q) {
        try {
            CircuitSpec spec = CircuitSpecs.of(q);
            return new CircuitDiagram(spec);
        } catch (BadInputException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Follows the model after a command, undo or redo: the circuit and the list fields. */
    @Override
    public void modelChanged() {
        if (binder == null) {
            return;
        }
        Architecture a = editor.experiment().getArchitecture();
        if (a != null && a.getHead() != null && a.getHead().eClass() != builtHead) {
            // undo or the head combo changed the head's kind: its section has other fields
            rebuild();
            return;
        }
        binder.refreshLists();
        if (sources != null) {
            sources.modelChanged();
        }
        if (circuit != null && a != null && a.getHead() instanceof QuantumHead q) {
            CircuitDiagram d = diagram(q);
            if (d != null) {
                circuit.setDiagram(d);
            }
        }
    }

    /** Shows the problems at their fields and a summary in the header. */
    @Override
    public void showProblems(List<Problem> problems) {
        if (getManagedForm() == null || binder == null) {
            return;
        }
        IMessageManager mm = getManagedForm().getMessageManager();
        mm.setAutoUpdate(false);
        mm.removeAllMessages();
        if (sources != null) {
            sources.showProblems(problems);
        }
        int i = 0;
        for (Problem p : problems) {
            int type = p.isError() ? IMessageProvider.ERROR : IMessageProvider.WARNING;
            String key = p.featurePath() + "#" + i++;
            String text = p.featurePath() + ": " + p.message();
            Control c = binder.control(p.featurePath());
            if (c == null && sources != null) {
                c = sources.shownControl(p.featurePath());
            }
            if (c != null && !c.isDisposed()) {
                mm.addMessage(key, text, p, type, c);
            } else {
                mm.addMessage(key, text, p, type);
            }
        }
        mm.setAutoUpdate(true);
    }

    /** Removes the messages from the fields, before fields are disposed. */
    void clearMessages() {
        if (getManagedForm() != null) {
            getManagedForm().getMessageManager().removeAllMessages();
        }
    }

    /** Lays the form out again after a part of it changed size. */
    void reflow() {
        if (getManagedForm() != null) {
            getManagedForm().getForm().reflow(true);
        }
    }

    ExperimentEditor editor() {
        return editor;
    }

    /**
     * The field of a feature path ({@code architecture.head.qubits}), or null; for a data source's field
     * ({@code dataset.sources[1].path}) that source is selected first, so that its fields exist.
     */
    @Override
    public Control control(String featurePath) {
        if (binder == null) {
            return null;
        }
        Control c = binder.control(featurePath);
        return c == null && sources != null ? sources.control(featurePath) : c;
    }

    DataSourcesPart sources() {
        return sources;
    }

    FieldBinder binder() {
        return binder;
    }

    CircuitCanvas circuit() {
        return circuit;
    }

    @Override
    public void dispose() {
        if (context != null) {
            context.dispose();
        }
        super.dispose();
    }
}
