package org.hqcm.launch.internal.ui;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.hqcm.launch.internal.LaunchSettings;
import org.hqcm.launch.internal.WorkspaceFiles;
import org.hqcm.model.Backend;

/** The experiment file, seed override, backend and JVM heap of a launch. */
public final class HqcmMainTab extends AbstractLaunchConfigurationTab {

    private Text experiment;
    private Text seed;
    private Combo backend;
    private Text heap;

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        setControl(c);
        experiment = text(c, Messages.HqcmMainTab_experiment, 1);
        Button browse = new Button(c, SWT.PUSH);
        browse.setText(Messages.HqcmMainTab_browse);
        browse.addListener(SWT.Selection, e -> browse());
        seed = text(c, Messages.HqcmMainTab_seed, 2);
        seed.setMessage(Messages.HqcmMainTab_seedHint);
        new Label(c, SWT.NONE).setText(Messages.HqcmMainTab_backend);
        backend = new Combo(c, SWT.READ_ONLY);
        for (Backend b : Backend.VALUES) {
            backend.add(b.getLiteral());
        }
        GridDataFactory.fillDefaults().span(2, 1).applyTo(backend);
        backend.addListener(SWT.Selection, e -> updateLaunchConfigurationDialog());
        heap = text(c, Messages.HqcmMainTab_heap, 2);
    }

    private Text text(Composite parent, String label, int span) {
        new Label(parent, SWT.NONE).setText(label);
        Text t = new Text(parent, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).span(span, 1).applyTo(t);
        t.addListener(SWT.Modify, e -> updateLaunchConfigurationDialog());
        return t;
    }

    private void browse() {
        IFile f = WorkspaceFiles.choose(getShell(), Messages.HqcmMainTab_browseTitle, "*.hqcm");
        if (f != null) {
            experiment.setText(f.getFullPath().toString());
        }
    }

    /** The defaults, with the experiment selected in the workbench (as Eclipse's own tabs take the selection). */
    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy config) {
        config.setAttribute(LaunchSettings.ATTR_BACKEND, Backend.CPU.getLiteral());
        config.setAttribute(LaunchSettings.ATTR_HEAP, LaunchSettings.DEFAULT_HEAP);
        IResource selected = DebugUITools.getSelectedResource();
        if (selected instanceof IFile f && HqcmLaunchShortcut.isExperiment(f)) {
            config.setAttribute(LaunchSettings.ATTR_EXPERIMENT, f.getFullPath().toString());
            config.setMappedResources(new IResource[] {f});
        }
    }

    @Override
    public void initializeFrom(ILaunchConfiguration config) {
        try {
            experiment.setText(config.getAttribute(LaunchSettings.ATTR_EXPERIMENT, ""));
            seed.setText(config.getAttribute(LaunchSettings.ATTR_SEED, ""));
            // a read-only combo ignores a text it does not list: a bad value shows as no choice, not as CPU
            int b = backend.indexOf(config.getAttribute(LaunchSettings.ATTR_BACKEND, Backend.CPU.getLiteral()));
            if (b >= 0) {
                backend.select(b);
            } else {
                backend.deselectAll();
            }
            heap.setText(config.getAttribute(LaunchSettings.ATTR_HEAP, LaunchSettings.DEFAULT_HEAP));
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy config) {
        config.setAttribute(LaunchSettings.ATTR_EXPERIMENT, experiment.getText().strip());
        config.setAttribute(LaunchSettings.ATTR_SEED, seed.getText().strip());
        config.setAttribute(LaunchSettings.ATTR_BACKEND, backend.getText());
        config.setAttribute(LaunchSettings.ATTR_HEAP, heap.getText().strip());
        // the mapping lets Run (context launch) find this configuration from the file, and follows renames
        IResource r = WorkspaceFiles.find(experiment.getText().strip());
        config.setMappedResources(r == null ? null : new IResource[] {r});
    }

    @Override
    public boolean isValid(ILaunchConfiguration config) {
        setErrorMessage(null);
        try {
            LaunchSettings s = LaunchSettings.of(config);
            if (WorkspaceFiles.find(s.experiment()) == null) {
                setErrorMessage(org.eclipse.osgi.util.NLS.bind(Messages.HqcmMainTab_noSuchFile, s.experiment()));
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
        return Messages.HqcmMainTab_name;
    }

    /** For tests: the field texts, in the order experiment, seed, backend, heap. */
    String[] fields() {
        return new String[] {experiment.getText(), seed.getText(), backend.getText(), heap.getText()};
    }

    Text experimentField() {
        return experiment;
    }

    Text seedField() {
        return seed;
    }

    Combo backendField() {
        return backend;
    }

    Text heapField() {
        return heap;
    }
}
