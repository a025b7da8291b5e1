/**
 * Datasets: where images come from (a built-in synthetic brain-MRI phantom, figshare {@code .mat} files,
 * image folders, DICOM, NIfTI volume folders in the BraTS and MSD Task01 layouts cut into axial slices: {@code nifti/}
 * reads the format, {@code volume/} the layouts, {@link org.hqcm.engine.data.VolumeOptions} says which slices), how they become {@link org.hqcm.engine.data.Sample}s of one size (resize, min-max
 * scaling, binary masks), and how they are split ({@link org.hqcm.engine.data.Splitter}) and augmented
 * ({@link org.hqcm.engine.data.Augmenter}). The API is plain records so the training step can map the EMF
 * experiment model onto it without this package knowing the model.
 *
 * <p>A volume case is one loading job that gives many samples, all with the case id as patient id.
 *
 * <p>May use: the JDK, the engine's exceptions, its subpackages' readers; not the experiment model
 * (ExperimentMapping translates it) and not ND4J.
 */
package org.hqcm.engine.data;
