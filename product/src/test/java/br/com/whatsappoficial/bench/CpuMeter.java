package br.com.whatsappoficial.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM and by every PostgreSQL process of the machine, so that a benchmark can
 * say where each event's cost went. PostgreSQL's is read from Linux's {@code /proc}; elsewhere it is
 * unknown (negative).
 */
final class CpuMeter {

    /** Linux reports process times in clock ticks of 1/100 s on every platform we run on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /**
     * A reading of both clocks, in nanoseconds, and of this JVM's threads (by id: a name and its
     * nanoseconds).
     */
    record Reading(long jvmNanos, long postgresNanos, Map<Integer, JvmThread> threads) {
        Reading minus(Reading earlier) {
            Map<Integer, JvmThread> spent = new HashMap<>();
            threads.forEach((id, thread) -> {
                JvmThread before = earlier.threads.get(id);
                long nanos = thread.nanos() - (before == null ? 0 : before.nanos());
                if (nanos > 0) {
                    spent.put(id, new JvmThread(thread.group(), nanos));
                }
            });
            return new Reading(
                    jvmNanos - earlier.jvmNanos,
                    postgresNanos < 0 || earlier.postgresNanos < 0 ? -1 : postgresNanos - earlier.postgresNanos,
                    spent);
        }

        /**
         * Where this JVM's CPU went, by thread group (the thread's name without its number: carriers of
         * virtual threads, JIT compilers, garbage collectors…), the largest first, as shares of the JVM's.
         * Threads that ended between the readings are not in it.
         */
        String byThreadGroup(int groups) {
            Map<String, Long> byGroup = new HashMap<>();
            threads.values().forEach(thread -> byGroup.merge(thread.group(), thread.nanos(), Long::sum));
            return byGroup.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(groups)
                    .map(group -> "%s %.0f%%".formatted(group.getKey(), 100.0 * group.getValue() / jvmNanos))
                    .collect(Collectors.joining(", "));
        }
    }

    /** A thread of this JVM as Linux names it (15 characters at most), its number dropped, and its CPU. */
    record JvmThread(String group, long nanos) {}

    private CpuMeter() {}

    static Reading read() {
        return new Reading(jvmNanos(), postgresNanos(), jvmThreads());
    }

    private static Map<Integer, JvmThread> jvmThreads() {
        Map<Integer, JvmThread> threads = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return threads;
        }
        try (Stream<Path> all = Files.list(tasks)) {
            all.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] fields = stat.substring(close + 2).split(" ");
                    String group = stat.substring(open + 1, close).replaceAll("[-#]?\\d+$", "");
                    threads.put(
                            Integer.parseInt(task.getFileName().toString()),
                            new JvmThread(
                                    group, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK));
                } catch (IOException | RuntimeException gone) {
                    // ended meanwhile
                }
            });
        } catch (IOException e) {
            return threads;
        }
        return threads;
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
