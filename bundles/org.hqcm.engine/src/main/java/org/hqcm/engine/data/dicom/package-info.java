/**
 * A small DICOM Part-10 reader (dcm4che is not on Maven Central): file meta in explicit VR little endian, data set
 * in implicit VR little endian, explicit VR little endian or explicit VR big endian; 8/16-bit, signed or not,
 * MONOCHROME1/2, rescale slope/intercept, PatientID. Sequences of undefined length are skipped item by item.
 * Compressed transfer syntaxes are refused with a message naming the syntax.
 *
 * <p>May use: the JDK and {@code org.hqcm.engine.data} only.
 */
package org.hqcm.engine.data.dicom;
