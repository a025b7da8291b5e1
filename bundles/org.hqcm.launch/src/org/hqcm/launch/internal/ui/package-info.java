/** The launch's user interface: the tab group with its main tab, and the Run As shortcut for .hqcm files. */
package org.hqcm.launch.internal.ui;
