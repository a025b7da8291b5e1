/**
 * EMF-generated switch, adapter factory and validator (src-gen). The validator's rules are implemented in
 * {@link org.hqcm.model.validation.HqcmConstraints}, which replaces it at registration.
 *
 * <p>May use: EMF only.
 */
package org.hqcm.model.util;
