package org.hqcm.ui.internal.runs;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.statushandlers.StatusManager;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.launch.internal.RunLaunches;

/**
 * What can be done with the runs selected in the Runs view: Cancel (a run a launch follows), Resume (a cancelled,
 * failed or interrupted run, as {@code hqcm run --resume}), Re-run, Open Experiment, Open Report, Delete (after a
 * confirmation; the whole run folder). In the context menu; Resume and Re-run also in the view's toolbar.
 */
final class RunActions {

    private final RunsView view;
    private final MenuManager menu = new MenuManager();

    final Action cancel = action(Messages.RunsView_cancel, this::cancel);
    final Action resume = action(Messages.RunsView_resume, this::resume);
    final Action rerun = action(Messages.RunsView_rerun, this::rerun);
    final Action openExperiment = action(Messages.RunsView_openExperiment, this::openExperiment);
    final Action openReport = action(Messages.RunsView_openReport, this::openReport);
    final Action delete = action(Messages.RunsView_delete, this::delete);

    RunActions(RunsView view) {
        this.view = view;
    }

    private static Action action(String text, Runnable run) {
        return new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
    }

    void contribute(TableViewer viewer, IToolBarManager toolbar) {
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(this::fill);
        viewer.getTable().setMenu(menu.createContextMenu(viewer.getTable()));
        toolbar.add(resume);
        toolbar.add(rerun);
        viewer.addSelectionChangedListener(e -> update());
        update();
    }

    MenuManager menuManager() {
        return menu;
    }

    private void fill(IMenuManager m) {
        update();
        m.add(cancel);
        m.add(resume);
        m.add(rerun);
        m.add(new Separator());
        m.add(openExperiment);
        m.add(openReport);
        m.add(new Separator());
        m.add(delete);
        m.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
    }

    /** Enables what the selection allows. */
    void update() {
        List<RunSummary> runs = view.selectedRuns();
        RunSummary one = runs.size() == 1 ? runs.get(0) : null;
        cancel.setEnabled(!runs.isEmpty() && runs.stream().allMatch(r -> RunLaunches.jobOf(dir(r)) != null));
        resume.setEnabled(one != null && one.resumable(RunsView.alive(one)));
        rerun.setEnabled(one != null && !RunsView.alive(one));
        openExperiment.setEnabled(one != null);
        openReport.setEnabled(one != null);
        delete.setEnabled(!runs.isEmpty() && runs.stream().noneMatch(RunsView::alive));
    }

    private static java.nio.file.Path dir(RunSummary r) {
        return r.folder().getLocation().toPath();
    }

    private void cancel() {
        view.selectedRuns().forEach(r -> RunLaunches.cancel(dir(r)));
    }

    private void resume() {
        one(r -> RunLaunches.resume(r.folder()), Messages.RunsView_resume);
    }

    private void rerun() {
        one(r -> RunLaunches.rerun(r.folder()), Messages.RunsView_rerun);
    }

    private void openExperiment() {
        one(r -> {
            IFile file = RunLaunches.experimentOf(r.folder());
            if (file == null) {
                // the run's own copy: what it ran, even when the original file has gone
                file = r.folder().getFile(org.eclipse.core.runtime.Path.fromPortableString(RunFolder.EXPERIMENT));
            }
            IDE.openEditor(view.getSite().getPage(), file);
        }, Messages.RunsView_openExperiment);
    }

    private void openReport() {
        one(r -> ReportView.open(view.getSite().getPage(), r.folder()), Messages.RunsView_openReport);
    }

    private void delete() {
        List<RunSummary> runs = view.selectedRuns();
        String names = runs.stream().map(r -> r.folder().getFullPath().toString()).collect(Collectors.joining("\n"));
        if (!MessageDialog.openConfirm(view.getSite().getShell(), Messages.RunsView_deleteTitle,
                NLS.bind(Messages.RunsView_deleteQuestion, runs.size(), names))) {
            return;
        }
        List<IContainer> folders = runs.stream().map(RunSummary::folder).toList();
        WorkspaceJob job = new WorkspaceJob(Messages.RunsView_deleteTitle) {
            @Override
            public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                for (IContainer f : folders) {
                    f.delete(true, monitor);
                }
                return Status.OK_STATUS;
            }
        };
        job.setUser(true);
        job.schedule();
    }

    private interface RunAction {
        void run(RunSummary run) throws CoreException, PartInitException;
    }

    private void one(RunAction a, String what) {
        List<RunSummary> runs = view.selectedRuns();
        if (runs.size() != 1) {
            return;
        }
        try {
            a.run(runs.get(0));
        } catch (CoreException | RuntimeException e) {
            StatusManager.getManager().handle(Status.error(NLS.bind(Messages.RunsView_actionFailed,
                    what.replace("...", "").toLowerCase(java.util.Locale.ROOT), e.getMessage()), e),
                    StatusManager.SHOW | StatusManager.LOG);
        }
    }
}
