/** EMF-generated implementations of the model interfaces (src-gen; never edited by hand). */
package org.hqcm.model.impl;
