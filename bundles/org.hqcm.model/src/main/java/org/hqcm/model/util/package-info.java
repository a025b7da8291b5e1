/**
 * EMF-generated switch, adapter factory and validator (src-gen). The validator's rules are implemented in
 * {@link org.hqcm.model.validation.HqcmConstraints}, which replaces it at registration.
 */
package org.hqcm.model.util;
