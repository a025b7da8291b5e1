/** New &gt; HQCM Experiment (from a preset) and New &gt; HQCM Example Project (every preset). */
package org.hqcm.ui.internal.wizards;
