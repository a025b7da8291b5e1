/**
 * The launch's user interface: the tab group with its main tab, the Run As shortcut for .hqcm files with the
 * ILaunchable adapter that keeps Run As in the context menu, the engine console's set-up, and the preference page.
 *
 * <p>May use: SWT/JFace, the workbench, the console, {@code org.hqcm.launch.internal}, the model.
 */
package org.hqcm.launch.internal.ui;
