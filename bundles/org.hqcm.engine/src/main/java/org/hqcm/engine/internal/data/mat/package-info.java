/**
 * figshare brain-tumour {@code .mat} files: MATLAB v7.3, i.e. HDF5 behind a 512-byte MATLAB user block, read
 * with io.jhdf. Group {@code cjdata}: {@code image}, {@code label} (1 meningioma, 2 glioma, 3 pituitary),
 * {@code PID} (uint16 characters), {@code tumorMask}, {@code tumorBorder}; MATLAB arrays are column-major, so
 * they arrive transposed. Also a writer of such files (for tests, benchmarks and exporting the phantom).
 *
 * <p>May use: io.jhdf, {@code org.hqcm.engine.internal.data}, the model's {@code AtomicFiles}.
 */
package org.hqcm.engine.internal.data.mat;
