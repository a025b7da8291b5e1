/**
 * Volume sources: BraTS and MSD Task01 folders of NIfTI volumes ({@link org.hqcm.engine.data.volume.VolumeLayouts}),
 * each case cut into upright axial slices with their tumour masks ({@link
 * org.hqcm.engine.data.volume.VolumeCaseReader}, the source's {@link org.hqcm.engine.data.VolumeOptions}). A case is
 * one patient: its id is every slice's patient id, so the splitter never puts one case in two splits. A slice's
 * {@code file} is {@code IMAGE#slice=S} (S = 0 at the feet). Memory per reading thread: one stored slice of image and
 * labels while counting, then the chosen slices (at most one volume); a volume whose slice axis is not its third
 * axis is held once (floats plus a byte per label voxel). The first pass reads only the labels when neither brain areas
 * (healthySlices) nor percentiles are needed, and the second stops after the last slice kept (a BraTS case's T1CE read
 * in 0.68 s instead of about 1.3 s with two full passes over both files, under load): so a compressed file cut after
 * that slice is read without notice.
 *
 * <p>May use: the JDK, Gson (dataset.json), the data package and its nifti reader; not the experiment model.
 */
package org.hqcm.engine.data.volume;
