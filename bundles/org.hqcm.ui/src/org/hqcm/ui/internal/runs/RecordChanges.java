package org.hqcm.ui.internal.runs;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;

/** Whether a workspace change concerns the records a view lists (the Runs view's runs, its sweeps). */
public final class RecordChanges {

    private RecordChanges() {
    }

    /**
     * True when a file named {@code recordFile} (run.hqcmrun, sweep.hqcmsweeprun) appeared, changed or went, or a
     * folder or project went (taking its records with it).
     */
    public static boolean touched(IResourceChangeEvent event, String recordFile) {
        IResourceDelta delta = event.getDelta();
        if (delta == null) {
            return false;
        }
        boolean[] touched = {false};
        try {
            delta.accept(d -> {
                IResource r = d.getResource();
                if (r.getType() == IResource.FILE && recordFile.equals(r.getName())) {
                    touched[0] = true;
                }
                if (d.getKind() == IResourceDelta.REMOVED && r.getType() != IResource.FILE) {
                    touched[0] = true;
                }
                return !touched[0];
            });
        } catch (CoreException e) {
            ILog.of(RecordChanges.class).log(e.getStatus());
        }
        return touched[0];
    }
}
