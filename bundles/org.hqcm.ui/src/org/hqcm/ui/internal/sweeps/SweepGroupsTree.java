package org.hqcm.ui.internal.sweeps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.statushandlers.StatusManager;
import org.hqcm.launch.internal.sweep.SweepLaunchShortcut;
import org.hqcm.model.ConfigurationSummary;
import org.hqcm.model.RunStatus;
import org.hqcm.model.TrialRecord;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.engine.eval.GroupReport;
import org.hqcm.ui.internal.runs.RecordChanges;
import org.hqcm.ui.internal.runs.ReportView;
import org.hqcm.ui.internal.runs.RunDetailsView;

/**
 * The sweeps of the workspace in the Runs view: each sweep (state, trials done of all, master), its configurations
 * as groups of seeds (their completed seeds, accuracy and macro-F1 as mean ± sd across them, as the engine summarised
 * them in the sweep record) and their trials (seed, state, accuracy). Reloaded when a sweep record appears, changes
 * or goes, so a running sweep's rows follow it trial by trial. The context menu compares groups (the selected
 * configurations, or all of a selected sweep), opens a trial's run report, and cancels or resumes a sweep.
 */
public final class SweepGroupsTree {

    /** Coalesces the bursts of resource events a running sweep causes. */
    private static final long RELOAD_DELAY_MS = 300;

    private final IWorkbenchPartSite site;
    private final TreeViewer viewer;
    private final Label heading;
    private final IResourceChangeListener listener = this::resourcesChanged;
    private volatile SweepsLoadJob job;
    private List<SweepRow> sweeps = List.of();
    private final IAction compare = action(Messages.SweepGroups_compare, this::compareSelected);
    private final IAction openRun = action(Messages.SweepGroups_openRun, this::openRun);
    private final IAction openReport = action(Messages.SweepGroups_openReport, this::openReport);
    private final IAction cancel = action(Messages.SweepGroups_cancel, this::cancelSelected);
    private final IAction resume = action(Messages.SweepGroups_resume, this::resumeSelected);

    /** Makes the heading and the tree in a parent with a two-column grid (the Runs view's). */
    public SweepGroupsTree(Composite parent, IWorkbenchPartSite site) {
        this.site = site;
        heading = new Label(parent, SWT.NONE);
        heading.setText(Messages.SweepGroups_heading);
        GridDataFactory.fillDefaults().span(2, 1).indent(0, 4).applyTo(heading);
        viewer = new TreeViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        Tree tree = viewer.getTree();
        tree.setHeaderVisible(true);
        tree.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).hint(SWT.DEFAULT, 120).applyTo(tree);
        column(Messages.SweepGroups_name, 300, SWT.LEFT, 0);
        column(Messages.SweepGroups_state, 110, SWT.LEFT, 1);
        column(Messages.SweepGroups_trials, 130, SWT.LEFT, 2);
        column(Messages.SweepGroups_accuracy, 130, SWT.RIGHT, 3);
        column(Messages.SweepGroups_macroF1, 130, SWT.RIGHT, 4);
        column(Messages.SweepGroups_where, 260, SWT.LEFT, 5);
        viewer.setContentProvider(new Content());
        // a reload makes new rows: the selection and the expanded sweeps stay on the same folders and configurations
        viewer.setComparer(new IElementComparer() {
            @Override
            public boolean equals(Object a, Object b) {
                return key(a).equals(key(b));
            }

            @Override
            public int hashCode(Object element) {
                return key(element).hashCode();
            }
        });
        viewer.addDoubleClickListener(e -> {
            if (selected(SweepRow.Trial.class).size() == 1) {
                openRun();
            } else if (!selectedGroups().isEmpty()) {
                compareSelected();
            }
        });
        viewer.addSelectionChangedListener(e -> updateActions());
        MenuManager menu = new MenuManager();
        menu.add(compare);
        menu.add(openReport);
        menu.add(openRun);
        menu.add(new org.eclipse.jface.action.Separator());
        menu.add(cancel);
        menu.add(resume);
        menu.addMenuListener(m -> updateActions());
        tree.setMenu(menu.createContextMenu(tree));
        compare.setToolTipText(Messages.SweepGroups_compareTip);
        // the input is set once: a reload refreshes, which keeps the rows (TreeItems) of sweeps, groups and trials
        // that are still there, with their expansion, selection and scroll position; setInput made new ones, which
        // collapsed what the user had opened and disposed items under a reader's hands (a UI test saw it)
        viewer.setInput(this);
        showIfAny();
        updateActions();
        ResourcesPlugin.getWorkspace().addResourceChangeListener(listener, IResourceChangeEvent.POST_CHANGE);
        tree.addListener(SWT.Dispose, e -> ResourcesPlugin.getWorkspace().removeResourceChangeListener(listener));
        reload();
    }

    /** The part takes room below the runs only when the workspace has sweeps; without, the runs have it all. */
    private void showIfAny() {
        boolean any = !sweeps.isEmpty();
        for (org.eclipse.swt.widgets.Control c : new org.eclipse.swt.widgets.Control[] {heading, viewer.getControl()}) {
            if (c.getLayoutData() instanceof org.eclipse.swt.layout.GridData d && (d.exclude == any || c.getVisible() != any)) {
                d.exclude = !any;
                c.setVisible(any);
                c.getParent().layout(true);
            }
        }
    }

    private static Object key(Object o) {
        if (o instanceof SweepRow s) {
            return s.folder();
        }
        if (o instanceof SweepRow.Group g) {
            return List.of(g.sweep().folder(), g.summary().getId());
        }
        if (o instanceof SweepRow.Trial t) {
            return List.of(t.group().sweep().folder(), t.record().getId());
        }
        return o;
    }

    private static IAction action(String text, Runnable run) {
        return new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
    }

    private void column(String title, int width, int alignment, int index) {
        TreeViewerColumn c = new TreeViewerColumn(viewer, alignment);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return SweepGroupsTree.text(element, index);
            }
        });
    }

    /** The text of a row's cell. */
    static String text(Object element, int column) {
        if (element instanceof SweepRow s) {
            long done = s.record().getTrials().stream().filter(t -> t.getState() == RunStatus.COMPLETED).count();
            long failed = s.record().getTrials().stream().filter(t -> t.getState() == RunStatus.FAILED).count();
            return switch (column) {
                case 0 -> s.name();
                case 1 -> state(s.record().getState(), s);
                case 2 -> NLS.bind(Messages.SweepGroups_trialsDone, new Object[] {done, s.record().getTrials().size(),
                    failed > 0 ? ", " + failed + " failed" : ""});
                case 5 -> s.record().getMaster() + "  " + s.folder().getFullPath();
                default -> "";
            };
        }
        if (element instanceof SweepRow.Group g) {
            ConfigurationSummary c = g.summary();
            return switch (column) {
                case 0 -> c.getLabel();
                case 2 -> NLS.bind(Messages.SweepGroups_seeds, c.getSeeds(), g.trialCount());
                case 3 -> meanSd(c.getSeeds(), c.getAccuracyMean(), c.getAccuracySd());
                case 4 -> meanSd(c.getSeeds(), c.getMacroF1Mean(), c.getMacroF1Sd());
                default -> "";
            };
        }
        if (element instanceof SweepRow.Trial t) {
            TrialRecord r = t.record();
            boolean completed = r.getState() == RunStatus.COMPLETED;
            return switch (column) {
                case 0 -> NLS.bind(Messages.SweepGroups_seed, Long.toString(r.getSeed()));
                case 1 -> words(r.getState());
                case 2 -> NLS.bind(Messages.SweepGroups_attempts, r.getAttempts());
                case 3 -> completed ? String.format(Locale.ROOT, "%.3f", r.getAccuracy()) : "";
                case 4 -> completed ? String.format(Locale.ROOT, "%.3f", r.getMacroF1()) : "";
                case 5 -> completed ? r.getRunFolder() : r.getFailureMessage() == null ? "" : r.getFailureMessage();
                default -> "";
            };
        }
        return "";
    }

    /** "0.812 ± 0.021"; one seed has no sd; no seed no figure. */
    static String meanSd(int n, double mean, double sd) {
        if (n == 0) {
            return "";
        }
        return n == 1 || Double.isNaN(sd) ? String.format(Locale.ROOT, "%.3f (1 seed)", mean)
                : String.format(Locale.ROOT, "%.3f \u00b1 %.3f", mean, sd);
    }

    /**
     * A sweep's state as shown: RUNNING only while a launch of this IDE follows it (a record left RUNNING by a killed
     * driver is Interrupted, and can be resumed).
     */
    private static String state(RunStatus state, SweepRow s) {
        if ((state == RunStatus.RUNNING || state == RunStatus.CREATED) && s.folder().getLocation() != null) {
            return SweepLaunchShortcut.jobOf(s.folder().getLocation().toPath()) != null ? Messages.SweepGroups_running
                    : Messages.SweepGroups_interrupted;
        }
        return words(state);
    }

    private static String words(RunStatus s) {
        String n = s.getName().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    /** Reads every sweep record again in the background; returns the scheduled job. */
    public synchronized Job reload() {
        SweepsLoadJob[] self = new SweepsLoadJob[1];
        self[0] = new SweepsLoadJob(ResourcesPlugin.getWorkspace().getRoot(), rows -> {
            if (!viewer.getControl().isDisposed()) {
                viewer.getControl().getDisplay().asyncExec(() -> {
                    if (self[0] == job && !viewer.getControl().isDisposed()) {
                        show(rows);
                        showIfAny();
                        updateActions();
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

    /**
     * Shows new rows in place. A sweep whose configurations are shown for the first time opens to them, as a new
     * sweep did before; one the user has closed stays closed.
     */
    private void show(List<SweepRow> rows) {
        java.util.Set<Object> before = new java.util.HashSet<>();
        for (SweepRow r : sweeps) {
            if (!r.groups().isEmpty()) {
                before.add(key(r));
            }
        }
        sweeps = rows;
        viewer.refresh();
        for (SweepRow r : rows) {
            if (!before.contains(key(r))) {
                viewer.expandToLevel(r, 1);
            }
        }
    }

    private void resourcesChanged(IResourceChangeEvent event) {
        if (RecordChanges.touched(event, HqcmResources.SWEEP_RECORD_FILE)) {
            reload();
        }
    }

    private <T> List<T> selected(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Object o : viewer.getStructuredSelection()) {
            if (type.isInstance(o)) {
                out.add(type.cast(o));
            }
        }
        return out;
    }

    /** The selected configurations of one sweep: those selected, or all of the one selected sweep. */
    List<SweepRow.Group> selectedGroups() {
        List<SweepRow.Group> groups = selected(SweepRow.Group.class);
        if (groups.isEmpty()) {
            List<SweepRow> s = selected(SweepRow.class);
            return s.size() == 1 ? s.get(0).groups() : List.of();
        }
        IContainer first = groups.get(0).sweep().folder();
        return groups.stream().allMatch(g -> g.sweep().folder().equals(first)) ? groups : List.of();
    }

    private SweepRow selectedSweep() {
        List<SweepRow> s = selected(SweepRow.class);
        if (s.size() == 1) {
            return s.get(0);
        }
        List<SweepRow.Group> g = selected(SweepRow.Group.class);
        return g.size() >= 1 ? g.get(0).sweep() : null;
    }

    private void updateActions() {
        compare.setEnabled(selectedGroups().stream().filter(g -> g.summary().getSeeds() > 0).count() >= 1);
        List<SweepRow.Trial> trials = selected(SweepRow.Trial.class);
        openRun.setEnabled(trials.size() == 1 && trials.get(0).runFolder().exists());
        SweepRow s = selectedSweep();
        openReport.setEnabled(s != null && reportFolder(s).getFile(org.eclipse.core.runtime.Path.fromPortableString(
                GroupReport.HTML)).exists());
        Path dir = s == null || s.folder().getLocation() == null ? null : s.folder().getLocation().toPath();
        boolean live = dir != null && SweepLaunchShortcut.jobOf(dir) != null;
        cancel.setEnabled(live);
        resume.setEnabled(dir != null && !live && s.record().getState() != RunStatus.COMPLETED);
    }

    private void compareSelected() {
        List<SweepRow.Group> groups = selectedGroups();
        if (groups.isEmpty()) {
            return;
        }
        try {
            GroupComparisonView view = (GroupComparisonView) site.getPage().showView(GroupComparisonView.ID);
            view.show(groups.get(0).sweep(), groups.stream().map(g -> g.summary().getId()).toList());
        } catch (PartInitException e) {
            StatusManager.getManager().handle(e.getStatus(), StatusManager.LOG | StatusManager.SHOW);
        }
    }

    private void openRun() {
        List<SweepRow.Trial> trials = selected(SweepRow.Trial.class);
        if (trials.size() != 1 || !trials.get(0).runFolder().exists()) {
            return;
        }
        try {
            RunDetailsView details = (RunDetailsView) site.getPage().showView(RunDetailsView.ID);
            details.show(trials.get(0).runFolder());
        } catch (PartInitException e) {
            StatusManager.getManager().handle(e.getStatus(), StatusManager.LOG | StatusManager.SHOW);
        }
    }

    /** The sweep's report folder: report/ with report.html, .md, .json (written by the engine's GroupReport). */
    private static IContainer reportFolder(SweepRow s) {
        return s.folder().getFolder(org.eclipse.core.runtime.Path.fromPortableString("report"));
    }

    /** Shows the sweep's seed-grouped report (report/report.html) in the Report view, as a run's report. */
    private void openReport() {
        SweepRow s = selectedSweep();
        if (s == null) {
            return;
        }
        try {
            ReportView.open(site.getPage(), reportFolder(s));
        } catch (PartInitException e) {
            StatusManager.getManager().handle(e.getStatus(), StatusManager.LOG | StatusManager.SHOW);
        }
    }

    private void cancelSelected() {
        SweepRow s = selectedSweep();
        if (s != null && s.folder().getLocation() != null) {
            SweepLaunchShortcut.cancel(s.folder().getLocation().toPath());
        }
    }

    private void resumeSelected() {
        SweepRow s = selectedSweep();
        if (s == null) {
            return;
        }
        // the sweep file the launch came from: next to the sweeps/ folder, named as the sweep
        IContainer home = s.folder().getParent() == null ? null : s.folder().getParent().getParent();
        org.eclipse.core.resources.IFile file = home == null ? null
                : home.getFile(org.eclipse.core.runtime.Path.fromPortableString(s.name() + "." + HqcmResources.SWEEP_EXTENSION));
        try {
            SweepLaunchShortcut.resume(s.folder(), file != null && file.exists() ? file : null);
        } catch (CoreException e) {
            StatusManager.getManager().handle(e.getStatus(), StatusManager.LOG | StatusManager.SHOW);
        }
    }

    public TreeViewer viewer() {
        return viewer;
    }

    /** The sweeps of the last load. */
    public List<SweepRow> sweeps() {
        return sweeps;
    }

    /** The last load scheduled (tests wait for it). */
    public Job lastLoad() {
        return job;
    }

    /** The tree's content: sweeps, their configurations, their trials. */
    private final class Content implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return sweeps.toArray();
        }

        @Override
        public Object[] getChildren(Object parent) {
            if (parent instanceof SweepRow s) {
                return s.groups().toArray();
            }
            if (parent instanceof SweepRow.Group g) {
                return g.trials().toArray();
            }
            return new Object[0];
        }

        @Override
        public Object getParent(Object element) {
            if (element instanceof SweepRow.Group g) {
                return g.sweep();
            }
            if (element instanceof SweepRow.Trial t) {
                return t.group();
            }
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return !(element instanceof SweepRow.Trial);
        }
    }
}
