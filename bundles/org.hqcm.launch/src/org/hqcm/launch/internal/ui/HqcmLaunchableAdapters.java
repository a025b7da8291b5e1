package org.hqcm.launch.internal.ui;

import java.util.Locale;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.debug.ui.actions.ILaunchable;

/**
 * Makes .hqcm files {@link ILaunchable}, which the platform's <i>Run As</i> context menu asks for. Its enablement
 * (org.eclipse.debug.ui's plugin.xml) shows the menu for any resource only while org.eclipse.debug.core is not yet
 * active; once it is (the first launch, or opening Run Configurations, activate it) the menu requires
 * {@code org.eclipse.debug.core.launchable}, i.e. an adapter to ILaunchable. In the Eclipse SDK, JDT's debug UI
 * registers one for every resource; the HQCM product has no JDT, so Run As vanished after the first launch until
 * a restart. Registered in plugin.xml for IFile; the menu then offers the shortcuts whose own enablement matches
 * (HQCM Experiment for .hqcm files).
 */
public final class HqcmLaunchableAdapters implements IAdapterFactory {

    private static final ILaunchable LAUNCHABLE = new ILaunchable() {
    };

    @Override
    public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
        if (adapterType == ILaunchable.class && adaptable instanceof IFile f
                && f.getName().toLowerCase(Locale.ROOT).endsWith(".hqcm")) {
            return adapterType.cast(LAUNCHABLE);
        }
        return null;
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] {ILaunchable.class};
    }
}
