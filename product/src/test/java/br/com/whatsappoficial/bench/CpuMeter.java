package br.com.whatsappoficial.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM and by every PostgreSQL process of the machine, so that a benchmark can
 * say where each event's cost went. PostgreSQL's is read from Linux's {@code /proc}; elsewhere it is
 * unknown (negative).
 */
final class CpuMeter {

    /** Linux reports process times in clock ticks of 1/100 s on every platform we run on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** A reading of both clocks, in nanoseconds. */
    record Reading(long jvmNanos, long postgresNanos) {
        Reading minus(Reading earlier) {
            return new Reading(
                    jvmNanos - earlier.jvmNanos,
                    postgresNanos < 0 || earlier.postgresNanos < 0 ? -1 : postgresNanos - earlier.postgresNanos);
        }
    }

    private CpuMeter() {}

    static Reading read() {
        return new Reading(jvmNanos(), postgresNanos());
    }

    private static long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long postgresNanos() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return -1;
        }
        try (Stream<Path> processes = Files.list(proc)) {
            return processes
                            .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                            .mapToLong(CpuMeter::postgresTicks)
                            .sum()
                    * NANOS_PER_TICK;
        } catch (IOException e) {
            return -1;
        }
    }

    /** utime + stime of a PostgreSQL process, 0 for any other (or one that just ended). */
    private static long postgresTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (open < 0 || close < 0 || !stat.substring(open + 1, close).startsWith("postgres")) {
                return 0;
            }
            // After "(comm)": state is field 3, utime field 14, stime field 15.
            String[] fields = stat.substring(close + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
