/**
 * The launch's user interface: the tab group with its main tab, the Run As shortcut for .hqcm files with the
 * ILaunchable adapter that keeps Run As in the context menu, the engine console's set-up, and the preference page.
 */
package org.hqcm.launch.internal.ui;
