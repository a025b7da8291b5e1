/**
 * Datasets: where images come from (a built-in synthetic brain-MRI phantom, figshare {@code .mat} files,
 * image folders, DICOM, NIfTI volume folders in the BraTS and MSD Task01 layouts cut into axial slices: {@code nifti/}
 * reads the format, {@code volume/} the layouts, {@link org.hqcm.engine.internal.data.VolumeOptions} says which slices), how they become {@link org.hqcm.engine.internal.data.Sample}s of one size (resize, min-max
 * scaling, binary masks), and how they are split ({@link org.hqcm.engine.internal.data.Splitter}) and augmented
 * ({@link org.hqcm.engine.internal.data.Augmenter}). The API is plain records so the training step can map the EMF
 * experiment model onto it without this package knowing the model.
 *
 * <p>The leakage guard ({@link org.hqcm.engine.internal.data.LeakageGuard}, {@link org.hqcm.engine.internal.data.DuplicateFinder})
 * finds copies of one image among the files of merged sources (exact: the preprocessed pixels; near: a 64-bit DCT
 * perceptual hash within a Hamming distance) and groups, drops or refuses them; grouped copies share a split
 * ({@link org.hqcm.engine.internal.data.Splitter} takes them as linked groups). {@link org.hqcm.engine.internal.data.DatasetLoader#describe}
 * loads without refusing what a description should show (too many bad files), {@link
 * org.hqcm.engine.internal.data.DatasetLoader#problems} says what a run would refuse.
 *
 * <p>A volume case is one loading job that gives many samples, all with the case id as patient id.
 *
 * <p>Internal (x-internal: the engine's own). May use: the JDK, the engine's exceptions, its subpackages' readers; not the experiment model
 * (ExperimentMapping translates it) and not ND4J.
 */
package org.hqcm.engine.internal.data;
