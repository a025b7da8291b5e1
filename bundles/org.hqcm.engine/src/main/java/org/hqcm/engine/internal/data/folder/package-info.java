/**
 * Image-folder datasets ({@code ROOT/<class>/*.png|jpg|jpeg}, the layout of the public Kaggle sets and of
 * {@code hqcm data synth}) and the grey-level PNG writing the phantom export uses.
 *
 * <p>May use: the JDK's image I/O, {@code org.hqcm.engine.internal.data}, the model's {@code AtomicFiles}.
 */
package org.hqcm.engine.internal.data.folder;
