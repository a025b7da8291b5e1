package org.hqcm.engine.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an option whose default is the default of an experiment-model attribute, read by {@link ModelDefaults} from
 * hqcm.ecore so that the command line holds no copy of it (help's {@code ${DEFAULT-VALUE}} shows the model's value).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface ModelDefault {

    /** {@code Class.attribute} of the model ({@code Dataset.imageSize}); several are joined with commas. */
    String[] value();

    /** A prefix the model's literal loses on the command line ({@code PAULI_} of {@code PAULI_Y}). */
    String dropPrefix() default "";

    /** Whether the command line spells the literal in lower case ({@code amplitude} for {@code AMPLITUDE}). */
    boolean lowerCase() default false;
}
