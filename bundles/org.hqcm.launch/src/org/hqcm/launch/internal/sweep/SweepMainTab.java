package org.hqcm.launch.internal.sweep;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.hqcm.engine.sweep.SparkMasters;
import org.hqcm.launch.internal.LaunchSettings;
import org.hqcm.launch.internal.WorkspaceFiles;

/**
 * The sweep file, the Spark master (a drop-down of local masters for this machine and a cluster's URL to complete,
 * or any master typed in) and each trial's heap.
 */
public final class SweepMainTab extends AbstractLaunchConfigurationTab {

    private Text sweep;
    private Combo master;
    private Text heap;

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        setControl(c);
        new Label(c, SWT.NONE).setText(Messages.SweepMainTab_sweep);
        sweep = new Text(c, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(sweep);
        sweep.addListener(SWT.Modify, e -> updateLaunchConfigurationDialog());
        Button browse = new Button(c, SWT.PUSH);
        browse.setText(Messages.SweepMainTab_browse);
        browse.addListener(SWT.Selection, e -> browse());

        Label m = new Label(c, SWT.NONE);
        m.setText(Messages.SweepMainTab_master);
        m.setToolTipText(Messages.SweepMainTab_masterTip);
        master = new Combo(c, SWT.DROP_DOWN | SWT.BORDER);
        int cores = Runtime.getRuntime().availableProcessors();
        master.add(SparkMasters.defaultLocal());
        for (int k = 1; k < cores; k++) {
            master.add("local[" + k + "]");
        }
        master.add("spark://HOST:7077");
        master.setToolTipText(Messages.SweepMainTab_masterTip);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(master);
        master.addListener(SWT.Modify, e -> updateLaunchConfigurationDialog());

        Label h = new Label(c, SWT.NONE);
        h.setText(Messages.SweepMainTab_heap);
        h.setToolTipText(Messages.SweepMainTab_heapTip);
        heap = new Text(c, SWT.BORDER);
        heap.setToolTipText(Messages.SweepMainTab_heapTip);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(heap);
        heap.addListener(SWT.Modify, e -> updateLaunchConfigurationDialog());
    }

    private void browse() {
        IFile f = WorkspaceFiles.choose(getShell(), Messages.SweepMainTab_browseTitle, "*.hqcmsweep");
        if (f != null) {
            sweep.setText(f.getFullPath().toString());
        }
    }

    /** The defaults, with the sweep selected in the workbench (as Eclipse's own tabs take the selection). */
    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy config) {
        config.setAttribute(SweepLaunchSettings.ATTR_MASTER, SparkMasters.defaultLocal());
        config.setAttribute(SweepLaunchSettings.ATTR_HEAP, LaunchSettings.DEFAULT_HEAP);
        IResource selected = DebugUITools.getSelectedResource();
        if (selected instanceof IFile f && SweepLaunchShortcut.isSweep(f)) {
            config.setAttribute(SweepLaunchSettings.ATTR_SWEEP, f.getFullPath().toString());
            config.setMappedResources(new IResource[] {f});
        }
    }

    @Override
    public void initializeFrom(ILaunchConfiguration config) {
        try {
            sweep.setText(config.getAttribute(SweepLaunchSettings.ATTR_SWEEP, ""));
            master.setText(config.getAttribute(SweepLaunchSettings.ATTR_MASTER, SparkMasters.defaultLocal()));
            heap.setText(config.getAttribute(SweepLaunchSettings.ATTR_HEAP, LaunchSettings.DEFAULT_HEAP));
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy config) {
        config.setAttribute(SweepLaunchSettings.ATTR_SWEEP, sweep.getText().strip());
        config.setAttribute(SweepLaunchSettings.ATTR_MASTER, master.getText().strip());
        config.setAttribute(SweepLaunchSettings.ATTR_HEAP, heap.getText().strip());
        // the mapping lets Run (context launch) find this configuration from the file, and follows renames
        IResource r = WorkspaceFiles.find(sweep.getText().strip());
        config.setMappedResources(r == null ? null : new IResource[] {r});
    }

    @Override
    public boolean isValid(ILaunchConfiguration config) {
        setErrorMessage(null);
        try {
            SweepLaunchSettings s = SweepLaunchSettings.of(config);
            if (WorkspaceFiles.find(s.sweep()) == null) {
                setErrorMessage(NLS.bind(Messages.SweepMainTab_noSuchFile, s.sweep()));
                return false;
            }
            return true;
        } catch (CoreException e) {
            setErrorMessage(e.getStatus().getMessage());
            return false;
        }
    }

    @Override
    public String getName() {
        return Messages.SweepMainTab_name;
    }

    Text sweepField() {
        return sweep;
    }

    Combo masterField() {
        return master;
    }

    Text heapField() {
        return heap;
    }
}
