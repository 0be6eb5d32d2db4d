package org.madang.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a machine's CPU went during a run, from Linux's /proc: the Madang server, PostgreSQL, this driver, everything
 * else, and idle time. Load drivers share the two cores with what they measure, so a throughput figure means little
 * without knowing who spent the cores.
 */
final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux this runs on
    private final Map<String, Long> start;
    private final long[] machineStart;

    private ProcessCpu(Map<String, Long> start, long[] machineStart) {
        this.start = start;
        this.machineStart = machineStart;
    }

    /** Starts counting from now. */
    static ProcessCpu start() {
        return new ProcessCpu(byGroup(), machineTicks());
    }

    /**
     * CPU milliseconds per unit of work ({@code units}, e.g. ballots) since {@link #start()}, per group, as one line;
     * "server JIT" and "server GC" are parts of "server".
     */
    String perUnit(int units, String unitName) {
        Map<String, Long> now = byGroup();
        long[] machine = machineTicks();
        long total = machine[0] - machineStart[0];
        long idle = machine[1] - machineStart[1];
        StringBuilder line = new StringBuilder("CPU per " + unitName + ":");
        long busy = 0;
        for (var group : now.entrySet()) {
            long ticks = group.getValue() - start.getOrDefault(group.getKey(), 0L);
            boolean partOfServer = group.getKey().startsWith("server ");
            if (!partOfServer) busy += ticks;
            line.append(String.format(" %s %.2f ms,", group.getKey(), millis(ticks) / units));
        }
        line.append(String.format(" other %.2f ms; machine idle %.0f%%", millis(total - idle - busy) / units, 100.0 * idle / total));
        return line.toString();
    }

    /**
     * The processor this runs on, e.g. "AMD EPYC, 2 cores": the same code measured 115–121 ballots/s on one session's
     * machine and 159 on the next one's, so a figure is only comparable with its hardware named.
     */
    static String machine() {
        String model = "unknown processor";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            model = lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(model);
        } catch (IOException e) {
            // not Linux: the model stays unknown, the core count below still tells something
        }
        return model + ", " + Runtime.getRuntime().availableProcessors() + " cores";
    }

    private static double millis(long ticks) {
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** Total and idle ticks of all cores (idle includes waiting for I/O). */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) total += Long.parseLong(f[i]);
            return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException e) {
            throw new IllegalStateException("/proc/stat unreadable: this driver measures CPU on Linux only", e);
        }
    }

    /** A process's or thread's name and the user + system ticks it has used, from its /proc stat file. */
    private record Stat(String name, long ticks) {
        static Stat of(Path processOrThread) throws IOException {
            String stat = Files.readString(processOrThread.resolve("stat"));
            // the name is in parentheses and may hold spaces; utime and stime are the 12th and 13th fields after it
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new Stat(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')), Long.parseLong(f[11]) + Long.parseLong(f[12]));
        }
    }

    /** The server's compiler and garbage-collector threads, told apart by their names. */
    private static void jitAndGc(Path process, Map<String, Long> ticks) throws IOException {
        try (Stream<Path> threads = Files.list(process.resolve("task"))) {
            threads.forEach(t -> {
                try {
                    Stat thread = Stat.of(t);
                    if (thread.name().contains("CompilerThre")) ticks.merge("server JIT", thread.ticks(), Long::sum);
                    else if (thread.name().startsWith("GC Thread") || thread.name().startsWith("G1 ")) ticks.merge("server GC", thread.ticks(), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while being read
                }
            });
        }
    }

    /** User + system ticks of the server, the database and this driver, summed over their processes. */
    private static Map<String, Long> byGroup() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        ticks.put("server", 0L);
        ticks.put("postgres", 0L);
        ticks.put("driver", 0L);
        ticks.put("server JIT", 0L);
        ticks.put("server GC", 0L);
        long self = ProcessHandle.current().pid();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    Stat process = Stat.of(p);
                    String group = null;
                    if (Long.parseLong(p.getFileName().toString()) == self) group = "driver";
                    else if (process.name().startsWith("postgres")) group = "postgres";
                    else if (process.name().equals("java") && new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).contains("madang.jar")) {
                        group = "server";
                    }
                    if (group != null) ticks.merge(group, process.ticks(), Long::sum);
                    if ("server".equals(group)) jitAndGc(p, ticks);
                } catch (IOException | RuntimeException gone) {
                    // the process ended while being read
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return ticks;
    }
}
