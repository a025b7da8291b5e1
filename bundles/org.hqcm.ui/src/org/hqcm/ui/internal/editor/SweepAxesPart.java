package org.hqcm.ui.internal.editor;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.databinding.DataBindingContext;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.jface.databinding.swt.DisplayRealm;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.hqcm.model.Experiment;
import org.hqcm.model.HqcmPackage.Literals;
import org.hqcm.model.Sweep;
import org.hqcm.model.SweepAxis;
import org.hqcm.model.presets.SweepPresets;
import org.hqcm.model.sweep.FeaturePath;
import org.hqcm.model.sweep.SweepExpansion;
import org.hqcm.model.validation.FeaturePaths;
import org.hqcm.model.validation.Problem;
import org.hqcm.ui.internal.Labels;

/**
 * The axes of a sweep: a table of feature paths and their values; Add (for a path chosen from the base experiment's
 * own features, starting with the base's value, or quantum and classical for the head) and Remove; and the selected
 * axis' fields below: its path (a {@link FieldBinder} field) and its values, one per line (a value may itself be a
 * comma-separated list, {@code 32,32,16}, so the lines are the separator). Every change is one command on the
 * editor's stack; the table and the fields follow undo and redo.
 */
public final class SweepAxesPart {

    private static final Pattern AXIS_PATH = Pattern.compile("axes\\[(\\d+)\\](\\..*)?");
    /** Features no axis should vary: they name and describe the trials' experiments. */
    private static final Set<String> NOT_AXES = Set.of("name", "description", "repeats");

    private final SweepFormPage page;
    private final Sweep sweep;
    private final FormToolkit toolkit;
    private final TableViewer viewer;
    private final Combo pathChoice;
    private final Button add;
    private final Button remove;
    private final Composite detail;
    private DataBindingContext detailContext;
    private FieldBinder detailBinder;
    private Text values;
    private SweepAxis shown;
    private BitSet withErrors = new BitSet();

    SweepAxesPart(Composite parent, SweepFormPage page, Sweep sweep, FormToolkit toolkit) {
        this.page = page;
        this.sweep = sweep;
        this.toolkit = toolkit;
        Composite c = toolkit.createComposite(parent);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(c);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(c);

        Table table = toolkit.createTable(c, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1)
                .hint(FieldBinder.FIELD_WIDTH * 2, table.getItemHeight() * 4).applyTo(table);
        viewer = new TableViewer(table);
        column(Messages.SweepAxesPart_columnNumber, 40, a -> Integer.toString(sweep.getAxes().indexOf(a)), true);
        column(Messages.SweepAxesPart_columnPath, 200, a -> a.getPath() == null ? "" : a.getPath(), false);
        column(Messages.SweepAxesPart_columnValues, 220, a -> String.join(" | ", a.getValues()), false);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setInput(sweep.getAxes());
        viewer.addSelectionChangedListener(e -> showDetail(selected()));

        pathChoice = new Combo(c, SWT.READ_ONLY);
        toolkit.adapt(pathChoice);
        pathChoice.setToolTipText(Messages.SweepAxesPart_pathChoiceTip);
        fillPathChoice();
        GridDataFactory.fillDefaults().grab(true, false).applyTo(pathChoice);
        add = toolkit.createButton(c, Messages.SweepAxesPart_add, SWT.PUSH);
        add.setToolTipText(Messages.SweepAxesPart_addTip);
        add.addListener(SWT.Selection, e -> add(pathChoice.getText()));
        remove = toolkit.createButton(c, Messages.SweepAxesPart_remove, SWT.PUSH);
        remove.addListener(SWT.Selection, e -> removeSelected());

        detail = toolkit.createComposite(c);
        GridLayoutFactory.fillDefaults().numColumns(2).extendedMargins(0, 0, 4, 0).applyTo(detail);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(detail);
        c.addListener(SWT.Dispose, e -> disposeDetail());

        if (!sweep.getAxes().isEmpty()) {
            viewer.setSelection(new StructuredSelection(sweep.getAxes().get(0)), true);
        }
        showDetail(selected());
    }

    private void column(String title, int width, java.util.function.Function<SweepAxis, String> text, boolean icon) {
        TableViewerColumn col = new TableViewerColumn(viewer, SWT.LEFT);
        col.getColumn().setText(title);
        col.getColumn().setWidth(width);
        col.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((SweepAxis) element);
            }

            @Override
            public Image getImage(Object element) {
                return icon && withErrors.get(sweep.getAxes().indexOf(element))
                        ? PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJS_ERROR_TSK)
                        : null;
            }
        });
    }

    /**
     * The paths Add offers: the head first, then every changeable attribute of the base experiment by its feature
     * path, as validation names them (walked from the model, so a new attribute is offered without code).
     */
    private void fillPathChoice() {
        Set<String> paths = new LinkedHashSet<>();
        paths.add(FeaturePath.HEAD);
        Experiment base = base();
        if (base != null) {
            List<EObject> objects = new ArrayList<>();
            objects.add(base);
            base.eAllContents().forEachRemaining(objects::add);
            for (EObject o : objects) {
                for (EAttribute a : o.eClass().getEAllAttributes()) {
                    if (a.isChangeable() && !a.isDerived() && !(o == base && NOT_AXES.contains(a.getName()))) {
                        paths.add(FeaturePaths.of(o, a, -1));
                    }
                }
            }
        }
        pathChoice.setItems(paths.toArray(String[]::new));
        pathChoice.select(paths.size() > 1 ? 1 : 0);
    }

    /** The base experiment as the sweep names it now, or null when it cannot be read (validation says why). */
    private Experiment base() {
        try {
            return SweepExpansion.base(sweep, page.editor().path().getParent());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Adds an axis over {@code path}: the head with quantum and classical, any other path with the base's value as
     * its first value (the user adds the others).
     */
    void add(String path) {
        if (path == null || path.isBlank()) {
            return;
        }
        SweepAxis axis = path.equals(FeaturePath.HEAD)
                ? SweepPresets.axis(path, FeaturePath.QUANTUM, FeaturePath.CLASSICAL)
                : SweepPresets.axis(path);
        if (!path.equals(FeaturePath.HEAD)) {
            String value = baseValue(path);
            if (value != null) {
                axis.getValues().add(value);
            }
        }
        execute(AddCommand.create(page.editor().domain(), sweep, Literals.SWEEP__AXES, axis));
        viewer.setSelection(new StructuredSelection(axis), true);
    }

    /** The base's value of a path, written as an axis value ({@code 0.003}, {@code 32,32,16}), or null. */
    private String baseValue(String path) {
        Experiment base = base();
        if (base == null) {
            return null;
        }
        try {
            FeaturePath.Target t = FeaturePath.parse(path).resolve(base);
            if (!(t.feature() instanceof EAttribute a) || t.index() >= 0) {
                return null;
            }
            Object v = t.owner().eGet(a);
            if (a.isMany()) {
                List<String> parts = new ArrayList<>();
                for (Object o : (List<?>) v) {
                    parts.add(EcoreUtil.convertToString(a.getEAttributeType(), o));
                }
                return String.join(",", parts);
            }
            return v == null ? null : EcoreUtil.convertToString(a.getEAttributeType(), v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    void removeSelected() {
        SweepAxis a = selected();
        if (a != null) {
            execute(RemoveCommand.create(page.editor().domain(), sweep, Literals.SWEEP__AXES, a));
        }
    }

    private void execute(Command command) {
        if (command.canExecute()) {
            page.editor().domain().getCommandStack().execute(command);
        }
    }

    SweepAxis selected() {
        Object o = viewer.getStructuredSelection().getFirstElement();
        return o instanceof SweepAxis a && sweep.getAxes().contains(a) ? a : null;
    }

    /** Follows the model after a command, undo or redo: rows, selection, the fields below and Add's choices. */
    void modelChanged() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        int previous = shown == null ? 0 : Math.max(0, sweep.getAxes().indexOf(shown));
        viewer.refresh();
        SweepAxis want = affectedAxis();
        if (want == null) {
            want = selected();
        }
        if (want == null && !sweep.getAxes().isEmpty()) {
            want = sweep.getAxes().get(Math.min(previous, sweep.getAxes().size() - 1));
        }
        if (want != selected()) {
            viewer.setSelection(want == null ? StructuredSelection.EMPTY : new StructuredSelection(want), true);
        }
        showDetail(want);
        refreshValues();
        String chosen = pathChoice.getText();
        fillPathChoice();
        if (pathChoice.indexOf(chosen) >= 0) {
            pathChoice.select(pathChoice.indexOf(chosen));
        }
    }

    /** The axis the last command (or its undo) put into the list, which the user will want to see. */
    private SweepAxis affectedAxis() {
        Command last = page.editor().domain().getCommandStack().getMostRecentCommand();
        if (last == null) {
            return null;
        }
        for (Object o : last.getAffectedObjects()) {
            if (o instanceof SweepAxis a && sweep.getAxes().contains(a)) {
                return a;
            }
        }
        return null;
    }

    /** Makes the fields of an axis below the table, unless they are there already. */
    private void showDetail(SweepAxis a) {
        if (detail.isDisposed() || a == shown && (a != null || detail.getChildren().length == 0)) {
            remove.setEnabled(selected() != null);
            return;
        }
        page.clearMessages();
        disposeDetail();
        for (Control child : detail.getChildren()) {
            child.dispose();
        }
        shown = a;
        values = null;
        remove.setEnabled(a != null);
        if (a != null) {
            detailContext = new DataBindingContext(DisplayRealm.getRealm(detail.getDisplay()));
            detailBinder = new FieldBinder(detailContext, page.editor().domain(), toolkit);
            detailBinder.label(detail, Literals.SWEEP_AXIS__PATH);
            detailBinder.field(detail, a, Literals.SWEEP_AXIS__PATH);
            detailBinder.label(detail, Literals.SWEEP_AXIS__VALUES).setToolTipText(
                    Labels.tooltip(Literals.SWEEP_AXIS__VALUES) + "\n" + Messages.SweepAxesPart_valuesTip);
            values = toolkit.createText(detail, "", SWT.MULTI | SWT.V_SCROLL);
            values.setToolTipText(Labels.tooltip(Literals.SWEEP_AXIS__VALUES) + "\n" + Messages.SweepAxesPart_valuesTip);
            GridDataFactory.fillDefaults().grab(true, false).hint(FieldBinder.FIELD_WIDTH, values.getLineHeight() * 4)
                    .applyTo(values);
            refreshValues();
            values.addListener(SWT.Modify, e -> setValues(a, lines(values.getText())));
        }
        toolkit.paintBordersFor(detail);
        detail.layout(true, true);
        page.reflow();
    }

    /** The values of the text: its non-blank lines, stripped. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }

    private void setValues(SweepAxis a, List<String> v) {
        if (!v.equals(a.getValues())) {
            execute(SetCommand.create(page.editor().domain(), a, Literals.SWEEP_AXIS__VALUES, v));
        }
    }

    /** The values text after undo or redo (not while the user's own text already says the same). */
    private void refreshValues() {
        if (values != null && !values.isDisposed() && shown != null && !lines(values.getText()).equals(shown.getValues())) {
            values.setText(String.join("\n", shown.getValues()));
        }
    }

    private void disposeDetail() {
        if (detailContext != null) {
            detailContext.dispose();
            detailContext = null;
        }
        detailBinder = null;
    }

    /** Marks the rows of axes with errors. */
    void showProblems(List<Problem> problems) {
        BitSet errors = new BitSet();
        for (Problem p : problems) {
            Matcher m = AXIS_PATH.matcher(p.featurePath());
            if (p.isError() && m.matches()) {
                errors.set(Integer.parseInt(m.group(1)));
            }
        }
        if (!errors.equals(withErrors)) {
            withErrors = errors;
            if (!viewer.getControl().isDisposed()) {
                viewer.refresh(true);
            }
        }
    }

    /** The field of a feature path if it is on screen now (the table for the axes themselves), else null. */
    Control shownControl(String featurePath) {
        if (featurePath.equals(FeaturePaths.of(sweep, Literals.SWEEP__AXES, -1))) {
            return viewer.getControl();
        }
        if (shown != null && featurePath.equals(FeaturePaths.of(shown, Literals.SWEEP_AXIS__VALUES, -1))) {
            return values;
        }
        return detailBinder == null ? null : detailBinder.control(featurePath);
    }

    /** The field of a feature path, selecting its axis first (Problems view, tests); null if none. */
    Control control(String featurePath) {
        Matcher m = AXIS_PATH.matcher(featurePath);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            if (i >= sweep.getAxes().size()) {
                return null;
            }
            SweepAxis a = sweep.getAxes().get(i);
            if (selected() != a) {
                viewer.setSelection(new StructuredSelection(a), true);
            }
            showDetail(a);
            return m.group(2) == null ? viewer.getControl() : shownControl(featurePath);
        }
        return shownControl(featurePath);
    }

    public TableViewer viewer() {
        return viewer;
    }

    /** The path Add makes an axis for. */
    public Combo pathChoice() {
        return pathChoice;
    }

    public Button addButton() {
        return add;
    }

    public Button removeButton() {
        return remove;
    }

    /** The selected axis' values, one per line (null when no axis is selected). */
    public Text valuesField() {
        return values;
    }
}
