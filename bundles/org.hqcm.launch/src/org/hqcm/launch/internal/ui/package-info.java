/**
 * The launch's user interface: the tab group with its main tab, and the Run As shortcut for .hqcm files.
 *
 * <p>May use: SWT/JFace, the workbench, {@code org.hqcm.launch.internal}, the model.
 */
package org.hqcm.launch.internal.ui;
