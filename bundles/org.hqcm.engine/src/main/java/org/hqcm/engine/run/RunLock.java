package org.hqcm.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.IoMessages;

/**
 * One writer per run folder: an OS file lock on {@value #FILE} held for the life of a run or resume. The file says
 * who holds it ({@code pid=..., host=..., started=...}) and is emptied when the run ends in order. The lock itself is
 * the truth: the OS drops it when the process ends, even by {@code kill -9}, so a lock left by a killed run (free,
 * but its file still naming the holder) is taken over and said so, while a live holder makes a second run or resume
 * fail with a message naming it. The file stays after the run (deleting it would race with a process that opened it).
 */
public final class RunLock implements AutoCloseable {

    /** The lock file in the run folder. */
    public static final String FILE = "run.lock";

    private final FileChannel channel;
    private final FileLock lock;
    private final String previousHolder;

    private RunLock(FileChannel channel, FileLock lock, String previousHolder) {
        this.channel = channel;
        this.lock = lock;
        this.previousHolder = previousHolder;
    }

    /**
     * Takes the lock of {@code folder}, or throws {@link BadInputException} naming the process that holds it. The
     * lock file is opened without following links.
     */
    public static RunLock acquire(RunFolder folder) {
        Path file = folder.dir().resolve(FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the run lock " + file + ": " + IoMessages.reason(e), e);
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this JVM holds it already (another run of this process)
            }
            String holder = read(channel);
            if (lock == null) {
                channel.close();
                throw new BadInputException(folder.dir() + " is in use by another run: "
                        + (holder.isEmpty() ? "a process that has not written its name yet" : holder) + " holds "
                        + file + "; wait until it ends, or stop it (Ctrl-C or kill PID) and resume then");
            }
            String me = "pid=" + ProcessHandle.current().pid() + ", host=" + host() + ", started="
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new RunLock(channel, lock, holder);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + file + ": " + IoMessages.reason(e), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * Who held the lock before this process without releasing it: a run that was killed (its holder line, e.g.
     * {@code pid=123, host=h, started=...}), whose stale lock this one took over; empty otherwise.
     */
    public String previousHolder() {
        return previousHolder;
    }

    /** Releases the lock; the emptied file tells the next run that this one ended in order (not killed). */
    @Override
    public void close() {
        try {
            channel.truncate(0);
        } catch (IOException e) {
            // a full or read-only disk: the next run sees this holder as stale, which it is
        }
        try {
            lock.release();
        } catch (IOException e) {
            // the channel's close below releases it too
        }
        closeQuietly(channel);
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(512); // our line is short; more is not ours and is not read
        channel.read(buf, 0);
        String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        return (nl >= 0 ? text.substring(0, nl) : text).strip();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String name = ManagementFactory.getRuntimeMXBean().getName();
            int at = name.indexOf('@');
            return at >= 0 ? name.substring(at + 1) : "unknown";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
