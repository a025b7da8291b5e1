package org.hqcm.ui.internal.wizards;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.eclipse.core.resources.IFile;
import org.hqcm.model.Experiment;
import org.hqcm.model.presets.Presets;
import org.hqcm.model.resource.HqcmResources;

/** The XMI of a preset experiment for a new file, named after the file. */
final class PresetFiles {

    private PresetFiles() {
    }

    static InputStream contents(String preset, IFile file) {
        HqcmResources.registerGlobally();
        Experiment e = Presets.create(preset);
        e.setName(file.getFullPath().removeFileExtension().lastSegment());
        return new ByteArrayInputStream(HqcmResources.toBytes(e, file.getLocation().toPath()));
    }
}
