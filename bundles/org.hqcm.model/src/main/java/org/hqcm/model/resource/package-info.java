/**
 * Reading and writing {@code .hqcm} experiments and {@code run.hqcmrun} run records as XMI, without Eclipse:
 * {@link org.hqcm.model.resource.HqcmResources} sets up a resource set (package, extensions, validator) and
 * loads and saves files; XML parsing refuses document type declarations and external entities, and saving
 * replaces a file atomically.
 *
 * <p>May use: EMF (ecore, xmi) and the JDK's XML parser with DTDs and external entities off.
 */
package org.hqcm.model.resource;
