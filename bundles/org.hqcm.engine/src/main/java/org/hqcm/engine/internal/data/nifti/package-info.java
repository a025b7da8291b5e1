/**
 * NIfTI-1 and NIfTI-2 single files ({@code .nii}, {@code .nii.gz}), either byte order, the real scalar types int8 to
 * float64 with scl_slope/scl_inter: {@link org.hqcm.engine.internal.data.nifti.NiftiFile} reads voxels front to back after
 * checking every declared size (slice, volume, volumes, file length; a compressed file is inflated only as far as the
 * declared size), {@link org.hqcm.engine.internal.data.nifti.AxialOrientation} lays axial slices out upright in the
 * radiological convention from the sform, qform or pixel sizes, and {@link org.hqcm.engine.internal.data.nifti.NiftiWriter}
 * writes every variant (tests, benchmarks). Own code, the reason is in {@code NiftiFile}.
 *
 * <p>May use: the JDK and the data package's limits; nothing else.
 */
package org.hqcm.engine.internal.data.nifti;
