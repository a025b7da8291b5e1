package org.hqcm.ui.internal.editor;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.hqcm.model.validation.Problem;

/** The validation problems of an experiment file as Problems-view markers ({@value #TYPE}). */
public final class ValidationMarkers {

    /** Marker type, as in plugin.xml (a persistent problem marker). */
    public static final String TYPE = "org.hqcm.ui.problem";
    /** Marker attribute with the problem's feature path. */
    public static final String FEATURE_PATH = "featurePath";

    private ValidationMarkers() {
    }

    /** Replaces the file's markers by the problems. */
    public static void update(IFile file, List<Problem> problems) {
        if (!file.exists()) {
            return;
        }
        IWorkspace ws = file.getWorkspace();
        try {
            ws.run(monitor -> {
                file.deleteMarkers(TYPE, false, IResource.DEPTH_ZERO);
                for (Problem p : problems) {
                    IMarker m = file.createMarker(TYPE);
                    m.setAttributes(new String[] {IMarker.SEVERITY, IMarker.MESSAGE, IMarker.LOCATION, FEATURE_PATH},
                            new Object[] {p.isError() ? IMarker.SEVERITY_ERROR : IMarker.SEVERITY_WARNING,
                                p.featurePath() + ": " + p.message(), p.featurePath(), p.featurePath()});
                }
            }, ws.getRuleFactory().markerRule(file), IWorkspace.AVOID_UPDATE, null);
        } catch (CoreException e) {
            ILog.of(ValidationMarkers.class).log(e.getStatus());
        }
    }
}
