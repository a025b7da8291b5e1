/**
 * Image-folder datasets ({@code ROOT/<class>/*.png|jpg|jpeg}, the layout of the public Kaggle sets and of
 * {@code hqcm data synth}) and the grey-level PNG writing the phantom export uses.
 */
package org.hqcm.engine.data.folder;
