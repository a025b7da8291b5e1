/**
 * The built-in synthetic brain-MRI phantom: T1 contrast-enhanced-like axial slices with pixel-exact tumour masks,
 * so an experiment runs with nothing to download. Deterministic for a seed; difficulty is a parameter.
 *
 * <p>May use: the JDK and {@code org.hqcm.engine.internal.data} with its writers.
 */
package org.hqcm.engine.internal.data.synth;
