package org.hqcm.engine.sweep;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hqcm.engine.BadInputException;

/**
 * The masters a sweep may run on, written as Spark writes them: {@code local[K]} (embedded Spark with K cores;
 * {@code local}, {@code local[*]}, {@code local[K,F]}) or {@code spark://HOST:PORT} (a standalone cluster). Defined here,
 * without Spark, so that {@code hqcm sweep} and the IDE's sweep launch configuration accept the same words.
 */
public final class SparkMasters {

    /** Cores of a local master: local, local[K], local[*], local[K,F]. */
    public static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\d+|\\*)(?:,(\\d+))?\\])?");
    /** A standalone cluster's master (several for ZooKeeper recovery). */
    public static final Pattern CLUSTER = Pattern.compile("spark://[^\\s/:]+:\\d{1,5}(,[^\\s/:]+:\\d{1,5})*");
    /** What spark-submit runs with (its own --master). */
    public static final String SPARK_SUBMIT = "spark-submit";

    private SparkMasters() {
    }

    /** The default: embedded Spark with every core of this machine. */
    public static String defaultLocal() {
        return "local[" + Runtime.getRuntime().availableProcessors() + "]";
    }

    /** The master as given, or a BadInputException saying what is expected. */
    public static String check(String master) {
        if (master == null || !(LOCAL.matcher(master).matches() || CLUSTER.matcher(master).matches()
                || master.equals(SPARK_SUBMIT))) {
            throw new BadInputException("--master " + master + ": expected local[K] (embedded Spark with K cores), "
                    + "local[*] or spark://HOST:PORT (a standalone cluster)");
        }
        return master;
    }

    /** The cores of a local master (local[*]: this machine's), or -1 for a cluster. */
    public static int localCores(String master) {
        Matcher m = LOCAL.matcher(master);
        if (!m.matches()) {
            return -1;
        }
        return m.group(1) == null ? 1 : m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors()
                : Integer.parseInt(m.group(1));
    }
}
