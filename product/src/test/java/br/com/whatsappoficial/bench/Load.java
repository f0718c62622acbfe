package br.com.whatsappoficial.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's load average (1 min) as {@code uptime} shows it: the benchmarks share two cores with
 * whatever else runs, so each figure is printed with the load before and after it was measured.
 */
final class Load {

    private Load() {}

    static String now() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0];
        } catch (IOException | RuntimeException unknown) {
            return "?";
        }
    }
}
