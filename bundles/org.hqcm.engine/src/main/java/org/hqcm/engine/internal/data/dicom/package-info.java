/**
 * A small DICOM Part-10 reader (dcm4che is not on Maven Central): file meta in explicit VR little endian, data set
 * in implicit VR little endian, explicit VR little endian or explicit VR big endian, or one of the encapsulated
 * syntaxes RLE Lossless ({@link org.hqcm.engine.internal.data.dicom.RleFrameDecoder}, our own) and JPEG baseline, extended
 * (8-bit) and lossless process 14 / SV1 ({@link org.hqcm.engine.internal.data.dicom.JpegFrameDecoder}, TwelveMonkeys);
 * 8/16/32-bit samples, signed or not, MONOCHROME1/2, rescale slope/intercept, PatientID, multi-frame files (one image
 * per frame), basic offset tables and frames in several fragments. Sequences of undefined length are skipped item by
 * item. JPEG-LS, JPEG 2000, HTJ2K, 12-bit DCT JPEG and deflated files are refused with a message naming the syntax and
 * a tool that decompresses them. Every declared size (Rows x Columns x frames, fragment lengths, offset tables, RLE
 * segment counts and offsets, a JPEG stream's own frame size) is checked before anything is decoded.
 *
 * <p>May use: the JDK, TwelveMonkeys imageio-jpeg, and {@code org.hqcm.engine.internal.data} only.
 */
package org.hqcm.engine.internal.data.dicom;
