/**
 * New &gt; HQCM Experiment (from a preset) and New &gt; HQCM Example Project (every preset).
 *
 * <p>May use: SWT/JFace, the workbench, the model's presets and resources.
 */
package org.hqcm.ui.internal.wizards;
