/**
 * The headless HQCM engine: data, quantum layer, network, training, evaluation and runs.
 * Plain Java; it knows nothing of SWT or the workbench.
 */
package org.hqcm.engine;
