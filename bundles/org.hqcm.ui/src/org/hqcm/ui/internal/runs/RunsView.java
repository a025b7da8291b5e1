package org.hqcm.ui.internal.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.hqcm.launch.internal.RunLaunches;
import org.hqcm.model.RunStatus;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.ui.internal.Labels;
import org.hqcm.ui.internal.compare.CompareRunsView;

/**
 * Every run of the workspace in one table: experiment, head, status, start time, epochs, live progress, test
 * accuracy, macro-F1, attention Jaccard at 0.99 and duration. A running run's row follows its event stream (epoch,
 * batch, loss, accuracy, time left) twice a second. Sorted by a click on a column title (again: reversed; runs
 * without the column's value last either way), filtered by the text field, reloaded when a run record appears,
 * changes or goes. A double-click opens the run's report; the context menu cancels, resumes, re-runs, opens the
 * experiment or the report, and deletes run folders.
 */
public final class RunsView extends ViewPart {

    /** Id of this view, as in plugin.xml. */
    public static final String ID = "org.hqcm.ui.views.runs";

    /** Coalesces the bursts of resource events a running engine causes. */
    private static final long RELOAD_DELAY_MS = 300;

    private Text filter;
    private Label count;
    private TableViewer viewer;
    private final RunOrder order = new RunOrder();
    private List<RunSummary> all = List.of();
    private final IResourceChangeListener listener = this::resourcesChanged;
    private volatile RunsLoadJob job;
    private final IAction compare = new Action(Messages.RunsView_compare) {
        @Override
        public void run() {
            compareSelected();
        }
    };
    private final RunActions actions = new RunActions(this);
    /** Polls the event streams of running runs while the view is open. */
    private final Runnable tick = this::followLiveRuns;
    private static final int LIVE_POLL_MS = 500;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setMessage(Messages.RunsView_filter);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);
        count = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().hint(120, SWT.DEFAULT).applyTo(count);

        viewer = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(table);
        for (RunColumn c : RunColumn.values()) {
            TableViewerColumn vc = new TableViewerColumn(viewer, c.alignment());
            vc.getColumn().setText(c.title());
            vc.getColumn().setWidth(c.width());
            vc.getColumn().setMoveable(true);
            vc.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    RunSummary r = (RunSummary) element;
                    return c == RunColumn.STATUS ? status(r) : c.text(r);
                }
            });
            vc.getColumn().addListener(SWT.Selection, e -> sortBy(c));
        }
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        // a row is its run folder: a reload (after every epoch of a live run) makes new rows, and the selection and
        // an open context menu must stay on the same runs
        viewer.setComparer(new IElementComparer() {
            @Override
            public boolean equals(Object a, Object b) {
                return a instanceof RunSummary x && b instanceof RunSummary y ? x.folder().equals(y.folder()) : a == b;
            }

            @Override
            public int hashCode(Object element) {
                return element instanceof RunSummary r ? r.folder().hashCode() : System.identityHashCode(element);
            }
        });
        viewer.setComparator(order);
        viewer.addFilter(new ViewerFilter() {
            @Override
            public boolean select(Viewer v, Object parentElement, Object element) {
                return ((RunSummary) element).matches(filter.getText());
            }
        });
        filter.addListener(SWT.Modify, e -> {
            viewer.refresh();
            updateCount();
        });
        viewer.addDoubleClickListener(e -> open((IStructuredSelection) e.getSelection()));
        compare.setEnabled(false);
        viewer.addSelectionChangedListener(e -> compare.setEnabled(((IStructuredSelection) e.getSelection()).size() >= 2));
        getViewSite().getActionBars().getToolBarManager().add(compare);
        actions.contribute(viewer, getViewSite().getActionBars().getToolBarManager());
        getSite().registerContextMenu(actions.menuManager(), viewer);
        getSite().setSelectionProvider(viewer);
        viewer.setInput(all);
        sortBy(RunColumn.FOLDER);
        ResourcesPlugin.getWorkspace().addResourceChangeListener(listener, IResourceChangeEvent.POST_CHANGE);
        reload();
        parent.getDisplay().timerExec(LIVE_POLL_MS, tick);
    }

    /** Reads what running runs appended to their event streams and updates their rows. */
    private void followLiveRuns() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        for (RunSummary r : all) {
            if (r.live() != null && r.live().poll()) {
                viewer.update(r, null);
            }
        }
        viewer.getControl().getDisplay().timerExec(LIVE_POLL_MS, tick);
    }

    /**
     * The status as shown: the record's, except that a run whose event stream has ended shows how it ended, and a run
     * whose record says RUNNING but that no launch follows and whose events stopped a while ago was killed: it shows
     * as interrupted (and can be resumed).
     */
    String status(RunSummary r) {
        // the event stream's end comes a moment before the record's last save is read again
        if (r.live() != null && r.live().end() != null) {
            return Labels.literal(r.live().end().status());
        }
        if ((r.runStatus() == RunStatus.RUNNING || r.runStatus() == RunStatus.CREATED) && !alive(r)) {
            return Messages.RunsView_interrupted;
        }
        return r.status();
    }

    /** Whether a run is being written now: a launch of this IDE follows it, or its events are fresh. */
    static boolean alive(RunSummary r) {
        if (r.folder().getLocation() != null && RunLaunches.jobOf(r.folder().getLocation().toPath()) != null) {
            return true;
        }
        Instant last = r.live() == null ? null : r.live().lastEventAt();
        return last != null && Duration.between(last, Instant.now()).compareTo(STALE) < 0 && r.live().end() == null;
    }

    /** Longer than an epoch of the paper's experiment takes without an event (a batch is a few seconds at most). */
    private static final Duration STALE = Duration.ofMinutes(2);

    /** Reads every run record again in the background; returns the scheduled job. */
    public synchronized Job reload() {
        RunsLoadJob[] self = new RunsLoadJob[1];
        self[0] = new RunsLoadJob(ResourcesPlugin.getWorkspace().getRoot(), rows -> {
            if (!viewer.getControl().isDisposed()) {
                viewer.getControl().getDisplay().asyncExec(() -> {
                    // a load that a newer one replaced must not overwrite the newer rows
                    if (self[0] == job) {
                        show(rows);
                    }
                });
            }
        });
        if (job != null) {
            job.cancel();
        }
        job = self[0];
        job.schedule(RELOAD_DELAY_MS);
        return job;
    }

    private void show(List<RunSummary> rows) {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        all = rows;
        viewer.setInput(all);
        updateCount();
    }

    /** Sorts by a column; the same column again reverses the order. */
    public void sortBy(RunColumn column) {
        order.sortBy(column);
        Table table = viewer.getTable();
        TableColumn tc = table.getColumn(column.ordinal());
        table.setSortColumn(tc);
        table.setSortDirection(order.ascending() ? SWT.UP : SWT.DOWN);
        viewer.refresh();
    }

    /** Sets the filter text (as the user would type it). */
    public void setFilter(String text) {
        filter.setText(text);
    }

    /** The rows in the order the table shows them, after filtering. */
    public List<RunSummary> visibleRows() {
        List<RunSummary> rows = new ArrayList<>();
        for (TableItem item : viewer.getTable().getItems()) {
            rows.add((RunSummary) item.getData());
        }
        return rows;
    }

    /** All rows of the last load. */
    public List<RunSummary> allRows() {
        return all;
    }

    /** The last load scheduled (tests wait for it). */
    public Job lastLoad() {
        return job;
    }

    TableViewer viewer() {
        return viewer;
    }

    private void updateCount() {
        count.setText(NLS.bind(Messages.RunsView_count, viewer.getTable().getItemCount(), all.size()));
    }

    /** Opens the Compare Runs view on the selected runs (two or more). */
    void compareSelected() {
        List<IContainer> folders = new ArrayList<>();
        for (Object o : viewer.getStructuredSelection()) {
            folders.add(((RunSummary) o).folder());
        }
        if (folders.size() < 2) {
            return;
        }
        try {
            ((CompareRunsView) getSite().getPage().showView(CompareRunsView.ID)).show(folders);
        } catch (PartInitException e) {
            ILog.of(RunsView.class).log(e.getStatus());
        }
    }

    /** The toolbar's Compare action. */
    IAction compareAction() {
        return compare;
    }

    /** The selected rows. */
    List<RunSummary> selectedRuns() {
        List<RunSummary> rows = new ArrayList<>();
        for (Object o : viewer.getStructuredSelection()) {
            rows.add((RunSummary) o);
        }
        return rows;
    }

    /** The context menu's and toolbar's actions (tests read their state). */
    RunActions actions() {
        return actions;
    }

    /** Opens the report of the first selected run (what a double-click does). */
    void open(IStructuredSelection selection) {
        if (!(selection.getFirstElement() instanceof RunSummary run)) {
            return;
        }
        try {
            RunDetailsView details = (RunDetailsView) getSite().getPage().showView(RunDetailsView.ID, null,
                    IWorkbenchPage.VIEW_ACTIVATE);
            details.show(run.folder());
        } catch (PartInitException e) {
            ILog.of(RunsView.class).log(e.getStatus());
        }
    }

    private void resourcesChanged(IResourceChangeEvent event) {
        IResourceDelta delta = event.getDelta();
        if (delta == null) {
            return;
        }
        boolean[] touched = {false};
        try {
            delta.accept(d -> {
                IResource r = d.getResource();
                if (r.getType() == IResource.FILE && HqcmResources.RUN_RECORD_FILE.equals(r.getName())) {
                    touched[0] = true;
                }
                // a removed project or folder takes its runs with it
                if (d.getKind() == IResourceDelta.REMOVED && r.getType() != IResource.FILE) {
                    touched[0] = true;
                }
                return !touched[0];
            });
        } catch (CoreException e) {
            ILog.of(RunsView.class).log(e.getStatus());
        }
        if (touched[0]) {
            reload();
        }
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        ResourcesPlugin.getWorkspace().removeResourceChangeListener(listener);
        super.dispose();
    }

    /** The table's order: one column, ascending or descending. */
    static final class RunOrder extends ViewerComparator {
        private RunColumn column;
        private boolean ascending = true;

        void sortBy(RunColumn c) {
            ascending = c != column || !ascending;
            column = c;
        }

        boolean ascending() {
            return ascending;
        }

        @Override
        public int compare(Viewer v, Object a, Object b) {
            if (column == null) {
                return 0;
            }
            RunSummary x = (RunSummary) a;
            RunSummary y = (RunSummary) b;
            boolean mx = column.missing(x);
            boolean my = column.missing(y);
            if (mx || my) {
                // without the column's figure (running, failed): last in both directions
                return mx == my ? 0 : mx ? 1 : -1;
            }
            int c = column.order().compare(x, y);
            return ascending ? c : -c;
        }
    }
}
