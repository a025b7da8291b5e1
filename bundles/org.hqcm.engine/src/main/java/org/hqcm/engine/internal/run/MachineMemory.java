package org.hqcm.engine.internal.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Memory this machine has available now: Linux's MemAvailable (free memory plus caches it can drop), lowered to what
 * a cgroup (a container's limit, v1 or v2) still allows; elsewhere the JVM's view of free physical memory.
 */
final class MachineMemory {

    private MachineMemory() {
    }

    static long available() {
        long available = meminfo(Path.of("/proc/meminfo"));
        if (available <= 0 && ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            available = os.getFreeMemorySize();
        }
        long cgroup = cgroupRoom(Path.of("/sys/fs/cgroup"));
        return cgroup > 0 && (available <= 0 || cgroup < available) ? cgroup : Math.max(available, 0);
    }

    /** MemAvailable in bytes, or -1. */
    static long meminfo(Path file) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("MemAvailable:")) {
                    String[] f = line.substring("MemAvailable:".length()).trim().split("\\s+");
                    return Long.parseLong(f[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or unreadable: the caller falls back
        }
        return -1;
    }

    /**
     * What the cgroup this process is in still allows (memory.max - memory.current in v2, memory.limit_in_bytes -
     * memory.usage_in_bytes in v1), or -1 when unlimited or unknown.
     */
    static long cgroupRoom(Path root) {
        long v2 = room(root.resolve("memory.max"), root.resolve("memory.current"));
        return v2 >= 0 ? v2 : room(root.resolve("memory/memory.limit_in_bytes"), root.resolve("memory/memory.usage_in_bytes"));
    }

    private static long room(Path limitFile, Path usageFile) {
        try {
            String limitText = Files.readAllLines(limitFile).get(0).trim();
            if (limitText.equals("max")) {
                return -1;
            }
            long limit = Long.parseLong(limitText);
            if (limit >= 1L << 60) {
                return -1; // v1 writes "unlimited" as a page-rounded Long.MAX_VALUE
            }
            long usage = Long.parseLong(Files.readAllLines(usageFile).get(0).trim());
            return Math.max(0, limit - usage);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
