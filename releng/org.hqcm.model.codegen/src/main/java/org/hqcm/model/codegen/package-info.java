/**
 * Headless EMF code generation for the experiment model ({@code ./mvnw -Pgenerate ...}; see
 * bundles/org.hqcm.model/README.md). Not part of the product.
 */
package org.hqcm.model.codegen;
