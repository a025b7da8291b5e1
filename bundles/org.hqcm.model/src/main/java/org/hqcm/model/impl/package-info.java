/**
 * EMF-generated implementations of the model interfaces (src-gen; never edited by hand).
 *
 * <p>May use: EMF only.
 */
package org.hqcm.model.impl;
