package org.hqcm.engine.run;

/**
 * An event of an event stream file ({@value RunFolder#EVENTS}): a record whose components are the line's fields,
 * written by {@link org.hqcm.engine.internal.run.EventLog} through {@link EventStream}. A run's events are the {@link RunEvent} records; a sweep's
 * are {@code org.hqcm.engine.sweep.SweepEvent}'s. Each stream's schema is its records, defined once.
 */
public interface StreamEvent {

    /** The event's {@code "type"} on disk. */
    String type();
}
