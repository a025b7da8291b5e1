package org.hqcm.ui.internal.editor;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.databinding.DataBindingContext;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.databinding.swt.DisplayRealm;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.FilteredResourcesSelectionDialog;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.IMessageManager;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.ColumnLayout;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.forms.widgets.Section;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.statushandlers.StatusManager;
import org.hqcm.model.Sweep;
import org.hqcm.model.SweepStrategy;
import org.hqcm.model.HqcmPackage.Literals;
import org.hqcm.model.sweep.SweepExpansion;
import org.hqcm.model.validation.Problem;

/**
 * The form of a sweep: sections Sweep (name, description, threads per trial), Base experiment (an .hqcm file, with
 * Browse and Open, or the contained one), Seeds (a list, or a count from a first seed), Axes (feature paths and their
 * values, with what the sweep expands to) and Strategy (grid or a seeded random draw). Fields are made and bound by
 * the experiment editor's {@link FieldBinder}, so they convert, decorate and undo as the experiment's do; validation
 * problems show at their fields (an axis' problem at its row and, when it is selected, at its fields) and in the
 * header.
 */
final class SweepFormPage extends FormPage implements ModelEditor.ModelPage {

    static final String ID = "org.hqcm.ui.editors.sweep.form";

    /** {@code axes[1].values[0]}: the axis, and the feature without an element index. */
    private static final Pattern INDEXED = Pattern.compile("(.*)\\[\\d+\\]");

    private final SweepEditor editor;
    private DataBindingContext context;
    private FieldBinder binder;
    private SweepAxesPart axes;
    private Label seedsUsed;
    private Label trials;
    private Label contained;

    SweepFormPage(SweepEditor editor) {
        super(editor, ID, Messages.SweepFormPage_title);
        this.editor = editor;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        ScrolledForm form = managedForm.getForm();
        FormToolkit toolkit = managedForm.getToolkit();
        Sweep s = editor.sweep();
        form.setText(NLS.bind(Messages.SweepFormPage_heading, s.getName() == null ? editor.getPartName() : s.getName()));
        toolkit.decorateFormHeading(form.getForm());
        WheelScrollsForm.install(form);
        form.getToolBarManager().add(runAction());
        form.updateToolBar();
        ColumnLayout layout = new ColumnLayout();
        layout.minNumColumns = 1;
        layout.maxNumColumns = 2;
        form.getBody().setLayout(layout);
        Composite body = form.getBody();
        context = new DataBindingContext(DisplayRealm.getRealm(body.getDisplay()));
        binder = new FieldBinder(context, editor.domain(), toolkit);

        Composite general = section(toolkit, body, Messages.SweepFormPage_general, Messages.SweepFormPage_generalText);
        fields(toolkit, general, s, Literals.SWEEP__NAME, Literals.SWEEP__DESCRIPTION, Literals.SWEEP__THREADS_PER_TRIAL);

        Composite base = section(toolkit, body, Messages.SweepFormPage_base, Messages.SweepFormPage_baseText);
        baseFile(toolkit, base, s);
        contained = toolkit.createLabel(base, "", SWT.WRAP);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(FieldBinder.FIELD_WIDTH * 2, SWT.DEFAULT)
                .applyTo(contained);

        Composite seeds = section(toolkit, body, Messages.SweepFormPage_seeds, Messages.SweepFormPage_seedsText);
        fields(toolkit, seeds, s, Literals.SWEEP__SEEDS, Literals.SWEEP__SEED_COUNT, Literals.SWEEP__FIRST_SEED);
        seedsUsed = toolkit.createLabel(seeds, "", SWT.WRAP);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(seedsUsed);

        Composite axesSection = section(toolkit, body, Messages.SweepFormPage_axes, Messages.SweepFormPage_axesText);
        axes = new SweepAxesPart(axesSection, this, s, toolkit);
        trials = toolkit.createLabel(axesSection, "", SWT.WRAP);
        trials.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(trials);

        Composite strategy = section(toolkit, body, Messages.SweepFormPage_strategy, Messages.SweepFormPage_strategyText);
        fields(toolkit, strategy, s, Literals.SWEEP__STRATEGY, Literals.SWEEP__RANDOM_COUNT, Literals.SWEEP__RANDOM_SEED);

        summaries();
        form.reflow(true);
        editor.validateNow();
    }

    /** The header's Run button: the sweep launched as Run As launches it. */
    private IAction runAction() {
        IAction run = new Action(Messages.SweepEditor_run, DebugUITools.getImageDescriptor(IDebugUIConstants.IMG_ACT_RUN)) {
            @Override
            public void run() {
                editor.run();
            }
        };
        run.setToolTipText(Messages.SweepEditor_runTip);
        return run;
    }

    /** Label and bound field of each attribute, in the given order (labels and tooltips as the experiment's). */
    private void fields(FormToolkit toolkit, Composite parent, EObject owner, EAttribute... attributes) {
        for (EAttribute a : attributes) {
            binder.label(parent, a);
            binder.field(parent, owner, a);
        }
    }

    /** The base experiment file, with Browse (a workspace .hqcm file, kept relative to the sweep) and Open. */
    private void baseFile(FormToolkit toolkit, Composite parent, Sweep s) {
        binder.label(parent, Literals.SWEEP__EXPERIMENT_FILE);
        Composite row = toolkit.createComposite(parent);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(row);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
        binder.field(row, s, Literals.SWEEP__EXPERIMENT_FILE);
        Button browse = toolkit.createButton(row, Messages.SweepFormPage_browse, SWT.PUSH);
        browse.setToolTipText(Messages.SweepFormPage_browseTip);
        browse.addListener(SWT.Selection, e -> browseBase());
        Button open = toolkit.createButton(row, Messages.SweepFormPage_open, SWT.PUSH);
        open.setToolTipText(Messages.SweepFormPage_openTip);
        open.addListener(SWT.Selection, e -> openBase());
        toolkit.paintBordersFor(row);
    }

    private void browseBase() {
        FilteredResourcesSelectionDialog dialog = new FilteredResourcesSelectionDialog(getSite().getShell(), false,
                ResourcesPlugin.getWorkspace().getRoot(), IResource.FILE);
        dialog.setTitle(Messages.SweepFormPage_browseTitle);
        dialog.setInitialPattern("*.hqcm");
        if (dialog.open() == Window.OK && dialog.getFirstResult() instanceof IFile f && f.getLocation() != null) {
            Text t = (Text) binder.control("experimentFile");
            // relative to the sweep's folder when below it, so project and sweep can move together
            t.setText(DataSourcesPart.relativeTo(editor.path().getParent(), f.getLocation().toPath()));
        }
    }

    /** Opens the base experiment file in its editor (the experiment editor). */
    private void openBase() {
        Path p = SweepExpansion.experimentFile(editor.sweep(), editor.path().getParent());
        IFile f = p == null ? null : ResourcesPlugin.getWorkspace().getRoot().getFileForLocation(
                org.eclipse.core.runtime.Path.fromOSString(p.toAbsolutePath().toString()));
        if (f == null || !f.exists()) {
            getManagedForm().getForm().setMessage(NLS.bind(Messages.SweepFormPage_noBase, p == null ? "" : p),
                    IMessageProvider.WARNING);
            return;
        }
        try {
            IDE.openEditor(getSite().getPage(), f);
        } catch (PartInitException e) {
            StatusManager.getManager().handle(e.getStatus(), StatusManager.LOG | StatusManager.SHOW);
        }
    }

    /** What the sweep comes to: its seeds, its configurations and trials, and a contained base. */
    private void summaries() {
        Sweep s = editor.sweep();
        List<Long> seeds = SweepExpansion.seeds(s);
        seedsUsed.setText(NLS.bind(Messages.SweepFormPage_seedsUsed, seeds.size() > 12
                ? seeds.subList(0, 12).toString().replace("]", ", ...]") : seeds.toString()));
        long grid = SweepExpansion.gridSize(s);
        long configurations = s.getStrategy() == SweepStrategy.RANDOM ? Math.min(grid, Math.max(0, s.getRandomCount())) : grid;
        long total = configurations > Long.MAX_VALUE / Math.max(1, seeds.size()) ? Long.MAX_VALUE : configurations * seeds.size();
        trials.setText(NLS.bind(Messages.SweepFormPage_trials, new Object[] {configurations, seeds.size(), total}));
        boolean hasContained = s.getExperiment() != null;
        contained.setText(hasContained ? NLS.bind(Messages.SweepFormPage_contained, s.getExperiment().getName())
                : Messages.SweepFormPage_notContained);
        seedsUsed.getParent().layout(true);
        trials.getParent().layout(true);
    }

    /** Follows the model after a command, undo or redo. */
    @Override
    public void modelChanged() {
        if (binder == null || trials.isDisposed()) {
            return;
        }
        binder.refreshLists();
        axes.modelChanged();
        summaries();
        Sweep s = editor.sweep();
        getManagedForm().getForm().setText(NLS.bind(Messages.SweepFormPage_heading,
                s.getName() == null ? editor.getPartName() : s.getName()));
    }

    /** Shows the problems at their fields (or their axis' row) and a summary in the header. */
    @Override
    public void showProblems(List<Problem> problems) {
        if (getManagedForm() == null || binder == null) {
            return;
        }
        IMessageManager mm = getManagedForm().getMessageManager();
        mm.setAutoUpdate(false);
        mm.removeAllMessages();
        axes.showProblems(problems);
        int i = 0;
        for (Problem p : problems) {
            int type = p.isError() ? IMessageProvider.ERROR : IMessageProvider.WARNING;
            String key = p.featurePath() + "#" + i++;
            String text = p.featurePath() + ": " + p.message();
            Control c = shownControl(p.featurePath());
            if (c != null && !c.isDisposed()) {
                mm.addMessage(key, text, p, type, c);
            } else {
                mm.addMessage(key, text, p, type);
            }
        }
        mm.setAutoUpdate(true);
    }

    /** The field showing a problem's path now, without changing the selected axis; a list element's is its list's. */
    private Control shownControl(String featurePath) {
        Control c = binder.control(featurePath);
        if (c == null) {
            c = axes.shownControl(featurePath);
        }
        Matcher m = INDEXED.matcher(featurePath);
        if (c == null && m.matches()) {
            c = shownControl(m.group(1));
        }
        return c;
    }

    /** The field of a feature path, or null; an axis' field ({@code axes[1].values[0]}) selects that axis first. */
    @Override
    public Control control(String featurePath) {
        if (binder == null) {
            return null;
        }
        Control c = binder.control(featurePath);
        if (c == null) {
            c = axes.control(featurePath);
        }
        Matcher m = INDEXED.matcher(featurePath);
        if (c == null && m.matches()) {
            c = control(m.group(1));
        }
        return c;
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

    SweepEditor editor() {
        return editor;
    }

    SweepAxesPart axes() {
        return axes;
    }

    String trialSummary() {
        return trials == null || trials.isDisposed() ? "" : trials.getText();
    }

    private static Composite section(FormToolkit toolkit, Composite body, String title, String description) {
        Section s = toolkit.createSection(body, Section.TITLE_BAR | Section.DESCRIPTION | Section.EXPANDED);
        s.setText(title);
        s.setDescription(description);
        Composite c = toolkit.createComposite(s);
        c.setLayout(new GridLayout(2, false));
        // flat form texts have no border of their own: an empty field would not show at all
        toolkit.paintBordersFor(c);
        s.setClient(c);
        return c;
    }

    @Override
    public void dispose() {
        if (context != null) {
            context.dispose();
        }
        super.dispose();
    }
}
