/**
 * Datasets: where images come from (a built-in synthetic brain-MRI phantom, figshare {@code .mat} files,
 * image folders, DICOM), how they become {@link org.hqcm.engine.data.Sample}s of one size (resize, min-max
 * scaling, binary masks), and how they are split ({@link org.hqcm.engine.data.Splitter}) and augmented
 * ({@link org.hqcm.engine.data.Augmenter}). The API is plain records so the training step can map the EMF
 * experiment model onto it without this package knowing the model.
 *
 * <p>May use: the JDK, the engine's exceptions, its subpackages' readers; not the experiment model
 * (ExperimentMapping translates it) and not ND4J.
 */
package org.hqcm.engine.data;
