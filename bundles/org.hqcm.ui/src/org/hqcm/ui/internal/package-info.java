/**
 * HQCM Studio workbench contributions: perspective and shared UI plumbing.
 *
 * <p>May use: the workbench and the UI's own packages.
 */
package org.hqcm.ui.internal;
