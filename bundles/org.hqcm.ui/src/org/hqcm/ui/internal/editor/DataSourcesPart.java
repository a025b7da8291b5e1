package org.hqcm.ui.internal.editor;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.databinding.DataBindingContext;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.jface.databinding.swt.DisplayRealm;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.hqcm.model.DataSource;
import org.hqcm.model.Dataset;
import org.hqcm.model.HqcmPackage.Literals;
import org.hqcm.model.SourceKind;
import org.hqcm.model.presets.ExperimentDefaults;
import org.hqcm.model.validation.FeaturePaths;
import org.hqcm.model.validation.Problem;
import org.hqcm.ui.internal.Labels;

/**
 * The data sources of a dataset: a table of the sources with Add (of a chosen kind) and Remove, and the fields of
 * the selected source below it. Adding, removing and editing are commands on the editor's stack, so they undo like
 * any other edit; the table follows the model after every command, undo and redo included.
 */
final class DataSourcesPart {

    private static final Pattern SOURCE_PATH = Pattern.compile("dataset\\.sources\\[(\\d+)\\](\\..*)?");

    private final ExperimentFormPage page;
    private final ExperimentEditor editor;
    private final Dataset dataset;
    private final FormToolkit toolkit;
    private final TableViewer viewer;
    private final Combo kind;
    private final Button add;
    private final Button remove;
    private final Composite detail;
    private DataBindingContext detailContext;
    private FieldBinder detailBinder;
    private DataSource shown;
    private String shownPath;
    private SourceKind shownKind;
    private BitSet withErrors = new BitSet();
    private BitSet withWarnings = new BitSet();

    DataSourcesPart(Composite parent, ExperimentFormPage page, Dataset dataset, FormToolkit toolkit) {
        this.page = page;
        this.editor = page.editor();
        this.dataset = dataset;
        this.toolkit = toolkit;
        Composite c = toolkit.createComposite(parent);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(c);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(c);

        Table table = toolkit.createTable(c, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        GridDataFactory.fillDefaults().grab(true, false).span(1, 4)
                .hint(FieldBinder.FIELD_WIDTH * 2, table.getItemHeight() * 4).applyTo(table);
        viewer = new TableViewer(table);
        column(Messages.DataSourcesPart_columnNumber, 40, s -> Integer.toString(dataset.getSources().indexOf(s)), true);
        column(Messages.DataSourcesPart_columnKind, 150, s -> kindLabel(s.getKind()), false);
        column(Messages.DataSourcesPart_columnData, 300, DataSourcesPart::data, false);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setInput(dataset.getSources());
        viewer.addSelectionChangedListener(e -> showDetail(selected()));

        kind = new Combo(c, SWT.READ_ONLY);
        toolkit.adapt(kind);
        for (SourceKind k : SourceKind.VALUES) {
            kind.add(kindLabel(k));
        }
        kind.select(SourceKind.SYNTHETIC.getValue());
        kind.setToolTipText(Messages.DataSourcesPart_kindTip);
        GridDataFactory.fillDefaults().applyTo(kind);
        add = toolkit.createButton(c, Messages.DataSourcesPart_add, SWT.PUSH);
        GridDataFactory.fillDefaults().applyTo(add);
        add.addListener(SWT.Selection, e -> add(SourceKind.VALUES.get(kind.getSelectionIndex())));
        remove = toolkit.createButton(c, Messages.DataSourcesPart_remove, SWT.PUSH);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(remove);
        remove.addListener(SWT.Selection, e -> removeSelected());
        toolkit.createLabel(c, "");

        detail = toolkit.createComposite(c);
        GridLayoutFactory.fillDefaults().numColumns(2).extendedMargins(0, 0, 4, 0).applyTo(detail);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(detail);
        toolkit.paintBordersFor(detail);
        c.addListener(SWT.Dispose, e -> disposeDetail());

        if (!dataset.getSources().isEmpty()) {
            viewer.setSelection(new StructuredSelection(dataset.getSources().get(0)), true);
        }
        showDetail(selected());
    }

    private void column(String title, int width, Function<DataSource, String> text, boolean problemIcon) {
        TableViewerColumn col = new TableViewerColumn(viewer, SWT.LEFT);
        col.getColumn().setText(title);
        col.getColumn().setWidth(width);
        col.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((DataSource) element);
            }

            @Override
            public Image getImage(Object element) {
                if (!problemIcon) {
                    return null;
                }
                int i = dataset.getSources().indexOf(element);
                String key = withErrors.get(i) ? ISharedImages.IMG_OBJS_ERROR_TSK
                        : withWarnings.get(i) ? ISharedImages.IMG_OBJS_WARN_TSK : null;
                return key == null ? null : PlatformUI.getWorkbench().getSharedImages().getImage(key);
            }
        });
    }

    /** What a row says of a source's data: its path, or what the synthetic generator makes. */
    private static String data(DataSource s) {
        if (s.getKind() == SourceKind.SYNTHETIC) {
            return NLS.bind(Messages.DataSourcesPart_synthetic, s.getImagesPerClass(), s.getDifficulty());
        }
        return s.getPath() == null || s.getPath().isBlank() ? Messages.DataSourcesPart_noPath : s.getPath();
    }

    static String kindLabel(SourceKind k) {
        return Labels.literal(k);
    }

    /**
     * Adds a source of a kind with the model's defaults; a kind that reads files asks for their folder first
     * (nothing is added when the dialog is cancelled).
     */
    void add(SourceKind k) {
        DataSource s = ExperimentDefaults.newSource(k);
        if (k != SourceKind.SYNTHETIC) {
            String path = choosePath(k, null);
            if (path == null) {
                return;
            }
            s.setPath(path);
        }
        execute(AddCommand.create(domain(), dataset, Literals.DATASET__SOURCES, s));
        viewer.setSelection(new StructuredSelection(s), true);
    }

    void removeSelected() {
        DataSource s = selected();
        if (s != null) {
            execute(RemoveCommand.create(domain(), dataset, Literals.DATASET__SOURCES, s));
        }
    }

    private void execute(Command command) {
        if (command.canExecute()) {
            domain().getCommandStack().execute(command);
        }
    }

    private EditingDomain domain() {
        return editor.domain();
    }

    /** The folder of a source's data from a dialog, relative to the experiment's folder when inside it. */
    private String choosePath(SourceKind k, String current) {
        Path base = editor.path().getParent();
        DirectoryDialog dialog = new DirectoryDialog(viewer.getControl().getShell(), SWT.OPEN);
        dialog.setText(NLS.bind(Messages.DataSourcesPart_chooseTitle, kindLabel(k)));
        dialog.setMessage(k == SourceKind.FIGSHARE_MAT ? Messages.DataSourcesPart_chooseFigshare
                : Messages.DataSourcesPart_chooseFolder);
        dialog.setFilterPath(resolve(base, current).toString());
        String chosen = dialog.open();
        return chosen == null ? null : relativeTo(base, Path.of(chosen));
    }

    private static Path resolve(Path base, String path) {
        if (path == null || path.isBlank()) {
            return base;
        }
        try {
            return base.resolve(path).normalize();
        } catch (InvalidPathException e) {
            return base;
        }
    }

    /** A path as the experiment should store it: relative to its folder when below it, so the project can move. */
    static String relativeTo(Path base, Path chosen) {
        Path abs = chosen.toAbsolutePath().normalize();
        Path b = base.toAbsolutePath().normalize();
        if (abs.startsWith(b)) {
            String rel = b.relativize(abs).toString().replace('\\', '/');
            return rel.isEmpty() ? "." : rel;
        }
        return abs.toString();
    }

    DataSource selected() {
        IStructuredSelection s = viewer.getStructuredSelection();
        return s.getFirstElement() instanceof DataSource d && dataset.getSources().contains(d) ? d : null;
    }

    /** Follows the model after a command, undo or redo: rows, the selection, and the fields below. */
    void modelChanged() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        List<DataSource> sources = dataset.getSources();
        int previous = indexOf(shownPath);
        viewer.refresh();
        DataSource want = affectedSource();
        if (want == null) {
            want = selected();
        }
        if (want == null && !sources.isEmpty()) {
            want = sources.get(Math.min(previous, sources.size() - 1));
        }
        if (want != selected()) {
            viewer.setSelection(want == null ? StructuredSelection.EMPTY : new StructuredSelection(want), true);
        }
        if (want != null && want == shown && want.getKind() != shownKind && FeaturePaths.of(want).equals(shownPath)) {
            // the kind combo below changed the kind: its fields change after its selection event is over
            DataSource w = want;
            detail.getDisplay().asyncExec(() -> {
                if (!detail.isDisposed() && selected() == w) {
                    showDetail(w);
                }
            });
        } else {
            showDetail(want);
        }
        remove.setEnabled(selected() != null);
    }

    private static int indexOf(String sourcePath) {
        Matcher m = sourcePath == null ? null : SOURCE_PATH.matcher(sourcePath);
        return m != null && m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The source the last command (or its undo) put into the list, which the user will want to see. */
    private DataSource affectedSource() {
        Command last = domain().getCommandStack().getMostRecentCommand();
        if (last == null) {
            return null;
        }
        for (Object o : last.getAffectedObjects()) {
            if (o instanceof DataSource d && dataset.getSources().contains(d)) {
                return d;
            }
        }
        return null;
    }

    /** Makes the fields of a source (those its kind uses) below the table, unless they are there already. */
    private void showDetail(DataSource s) {
        if (detail.isDisposed()) {
            return;
        }
        boolean same = s == null ? shown == null
                : s == shown && FeaturePaths.of(s).equals(shownPath) && s.getKind() == shownKind;
        if (same && (s != null || detail.getChildren().length == 0)) {
            return;
        }
        page.clearMessages();
        disposeDetail();
        for (Control child : detail.getChildren()) {
            child.dispose();
        }
        shown = s;
        shownPath = s == null ? null : FeaturePaths.of(s);
        shownKind = s == null ? null : s.getKind();
        remove.setEnabled(s != null);
        if (s != null) {
            detailContext = new DataBindingContext(DisplayRealm.getRealm(detail.getDisplay()));
            detailBinder = new FieldBinder(detailContext, domain(), toolkit);
            field(s, Literals.DATA_SOURCE__KIND);
            if (s.getKind() == SourceKind.SYNTHETIC) {
                field(s, Literals.DATA_SOURCE__IMAGES_PER_CLASS);
                field(s, Literals.DATA_SOURCE__DIFFICULTY);
            } else {
                detailBinder.label(detail, Literals.DATA_SOURCE__PATH);
                Composite row = toolkit.createComposite(detail);
                // margins leave room for the border the toolkit paints around the text
                GridLayoutFactory.fillDefaults().numColumns(2).margins(2, 2).applyTo(row);
                GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
                toolkit.paintBordersFor(row);
                detailBinder.field(row, s, Literals.DATA_SOURCE__PATH);
                Button browse = toolkit.createButton(row, Messages.DataSourcesPart_browse, SWT.PUSH);
                browse.addListener(SWT.Selection, e -> {
                    String path = choosePath(s.getKind(), s.getPath());
                    if (path != null) {
                        execute(SetCommand.create(domain(), s, Literals.DATA_SOURCE__PATH, path));
                    }
                });
                if (s.getKind() == SourceKind.BRATS || s.getKind() == SourceKind.MSD_TASK01) {
                    // the volume fields, as the model lists them after the synthetic ones (tumourLabels, a list, is
                    // edited in the XMI page)
                    for (EAttribute a : Literals.DATA_SOURCE.getEAttributes()) {
                        if (a.getFeatureID() > Literals.DATA_SOURCE__DIFFICULTY.getFeatureID() && !a.isMany()) {
                            field(s, a);
                        }
                    }
                }
            }
        }
        detail.getParent().layout(true, true);
        page.reflow();
        page.showProblems(editor.problems());
    }

    private void field(DataSource s, EAttribute a) {
        detailBinder.label(detail, a);
        detailBinder.field(detail, s, a);
    }

    private void disposeDetail() {
        if (detailContext != null) {
            detailContext.dispose();
            detailContext = null;
        }
        detailBinder = null;
    }

    /** Marks the rows of sources with problems. */
    void showProblems(List<Problem> problems) {
        BitSet errors = new BitSet();
        BitSet warnings = new BitSet();
        for (Problem p : problems) {
            Matcher m = SOURCE_PATH.matcher(p.featurePath());
            if (m.matches()) {
                (p.isError() ? errors : warnings).set(Integer.parseInt(m.group(1)));
            }
        }
        if (!errors.equals(withErrors) || !warnings.equals(withWarnings)) {
            withErrors = errors;
            withWarnings = warnings;
            if (!viewer.getControl().isDisposed()) {
                viewer.refresh(true);
            }
        }
    }

    /** The field of a feature path if it is on screen now (the table for the list itself), else null. */
    Control shownControl(String featurePath) {
        if (featurePath.equals(FeaturePaths.of(dataset, Literals.DATASET__SOURCES, -1))) {
            return viewer.getControl();
        }
        return detailBinder == null ? null : detailBinder.control(featurePath);
    }

    /** The field of a feature path, selecting its source first (Problems view, tests); null if none. */
    Control control(String featurePath) {
        Matcher m = SOURCE_PATH.matcher(featurePath);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            if (i >= dataset.getSources().size()) {
                return null;
            }
            DataSource s = dataset.getSources().get(i);
            if (selected() != s) {
                viewer.setSelection(new StructuredSelection(s), true);
            }
            showDetail(s);
            return m.group(2) == null ? viewer.getControl() : shownControl(featurePath);
        }
        return shownControl(featurePath);
    }

    TableViewer viewer() {
        return viewer;
    }

    /** The kind of source Add makes. */
    Combo kindChoice() {
        return kind;
    }

    Button addButton() {
        return add;
    }

    Button removeButton() {
        return remove;
    }
}
