/**
 * Volume sources: BraTS and MSD Task01 folders of NIfTI volumes ({@link org.hqcm.engine.internal.data.volume.VolumeLayouts}),
 * each case cut into upright axial slices with their tumour masks ({@link
 * org.hqcm.engine.internal.data.volume.VolumeCaseReader}, the source's {@link org.hqcm.engine.internal.data.VolumeOptions}). A case is
 * one patient: its id is every slice's patient id, so the splitter never puts one case in two splits. A slice's
 * {@code file} is {@code IMAGE#slice=S} (S = 0 at the feet). Memory per reading thread: one stored slice of image and
 * labels while counting, then the chosen slices (at most one volume); a volume whose slice axis is not its third
 * axis is held once (floats plus a byte per label voxel). The first pass reads only the labels when neither brain areas
 * (healthySlices) nor percentiles are needed, and the second keeps nothing after the last slice kept but still
 * inflates the rest of the image file, so that a file cut after that slice is refused as truncated.
 *
 * <p>May use: the JDK, Gson (dataset.json), the data package and its nifti reader; not the experiment model.
 */
package org.hqcm.engine.internal.data.volume;
