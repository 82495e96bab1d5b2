package org.ecgworkbench.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javafx.application.Platform;

/**
 * Watches the FX thread from outside: every millisecond it asks the JVM what the thread is doing.
 * Idle is the event loop's own wait (Monocle's {@code RunnableQueue.getNextRunnable}); any run of
 * non-idle samples is one <em>stretch</em> of the thread being away from its event loop, i.e. the
 * time the UI could not answer. For each stretch it keeps the wall time, the thread's CPU time
 * (work done on the FX thread, which the machine's other load cannot inflate), and the time it
 * waited inside the project's code (a lock or I/O on the FX thread: also a block) or for the render
 * thread. Beside it, a probe posted to the FX thread every 5 ms measures how much FX-thread work
 * stood between a new event and its handling ({@link Probe}). On a shared 2-core machine wall time
 * includes preemption and the software renderer's share of a loaded machine, so the verdict is on
 * {@link Probe#blockingMillis()}: FX-thread CPU plus waiting in our code.
 */
final class FxThreadWatch implements AutoCloseable {

    /** One stretch away from the event loop. */
    record Stretch(double wallMillis, double cpuMillis, double appWaitMillis, double renderWaitMillis, String where) {
        /** Work done on the FX thread plus time it waited in the project's code. */
        double blockingMillis() {
            return cpuMillis + appWaitMillis;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "wall %.1f ms, cpu %.1f ms, app wait %.1f ms, render wait %.1f ms at %s",
                    wallMillis, cpuMillis, appWaitMillis, renderWaitMillis, where);
        }
    }

    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final long fxThread;
    private final Thread sampler;
    private final List<Stretch> stretches = new ArrayList<>();
    private final Thread prober;
    private final List<Probe> probes = new ArrayList<>();
    private volatile boolean running = true;
    /** Nanoseconds the FX thread has waited inside our code so far (sampled). */
    private final AtomicLong appWaitTotal = new AtomicLong();

    /**
     * One probe: a no-op posted to the FX thread. The FX thread's CPU time between posting and running
     * it is the work that stood between a new event and its handling; the app wait is the time it
     * spent waiting in our code meanwhile. Together: how long the UI could not answer, on an idle machine.
     */
    record Probe(double wallMillis, double cpuMillis, double appWaitMillis, String busyWith) {
        double blockingMillis() {
            return cpuMillis + appWaitMillis;
        }
    }

    /** What the sampler saw the FX thread doing, by sample time: for naming what a slow probe waited behind. */
    private final ConcurrentLinkedDeque<long[]> busyTimes = new ConcurrentLinkedDeque<>();
    private final ConcurrentHashMap<Long, String> busyFrames = new ConcurrentHashMap<>();

    FxThreadWatch(long fxThreadId) {
        this.fxThread = fxThreadId;
        if (!mx.isThreadCpuTimeEnabled()) mx.setThreadCpuTimeEnabled(true);
        sampler = new Thread(this::sample, "fx-thread-watch");
        sampler.setDaemon(true);
        sampler.setPriority(Thread.MAX_PRIORITY);
        sampler.start();
        prober = new Thread(this::probe, "fx-thread-probe");
        prober.setDaemon(true);
        prober.start();
    }

    private void probe() {
        while (running) {
            long cpu0 = mx.getThreadCpuTime(fxThread);
            long wait0 = appWaitTotal.get();
            long wall0 = System.nanoTime();
            CountDownLatch ran = new CountDownLatch(1);
            long[] cpuAtRun = new long[1];
            Platform.runLater(() -> {
                cpuAtRun[0] = mx.getCurrentThreadCpuTime();
                ran.countDown();
            });
            try {
                if (!ran.await(60, TimeUnit.SECONDS)) break;
                long wall = System.nanoTime() - wall0;
                double cpu = (cpuAtRun[0] - cpu0) / 1e6;
                String busyWith = cpu > 20 ? "[" + stepAt(wall0) + "] " + busiest(wall0, wall0 + wall) : "";
                synchronized (probes) {
                    probes.add(new Probe(wall / 1e6, cpu, (appWaitTotal.get() - wait0) / 1e6, busyWith));
                }
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The three most sampled frames between two times. */
    private String busiest(long from, long to) {
        Map<String, Integer> counts = new HashMap<>();
        for (long[] t : busyTimes) {
            if (t[0] >= from && t[0] <= to) counts.merge(busyFrames.getOrDefault(t[0], "?"), 1, Integer::sum);
        }
        return counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(3)
                .map(e -> e.getValue() + "× " + e.getKey()).collect(Collectors.joining("; "));
    }

    /** The first project frame and the top frame, e.g. "EcgPaperCanvas.draw < GraphicsContext.strokePolyline". */
    private static String describe(ThreadInfo ti) {
        StackTraceElement[] st = ti.getStackTrace();
        String top = st.length == 0 ? "" : st[0].getClassName().substring(st[0].getClassName().lastIndexOf('.') + 1) + "." + st[0].getMethodName();
        String ours = firstOurFrame(ti);
        return ours.isEmpty() ? top : ours + " < " + top;
    }

    private final List<Object[]> marks = new ArrayList<>();

    /** Names the step the workload is in, for the report. */
    void mark(String step) {
        synchronized (marks) {
            marks.add(new Object[] {System.nanoTime(), step});
        }
    }

    private String stepAt(long nanos) {
        String step = "";
        synchronized (marks) {
            for (Object[] m : marks) if ((long) m[0] <= nanos) step = (String) m[1];
        }
        return step;
    }

    List<Probe> probes() {
        synchronized (probes) {
            return List.copyOf(probes);
        }
    }

    Probe worstProbe() {
        return probes().stream().max(Comparator.comparingDouble(Probe::blockingMillis)).orElse(new Probe(0, 0, 0, ""));
    }

    private void sample() {
        boolean inStretch = false;
        long wall0 = 0;
        long cpu0 = 0;
        long last = 0;
        long appWait = 0;
        long renderWait = 0;
        String where = "";
        while (running) {
            ThreadInfo ti = mx.getThreadInfo(fxThread, 60);
            long now = System.nanoTime();
            if (ti == null) break;
            boolean idle = isIdle(ti);
            if (!idle) {
                if (!inStretch) {
                    inStretch = true;
                    wall0 = now;
                    cpu0 = mx.getThreadCpuTime(fxThread);
                    appWait = 0;
                    renderWait = 0;
                    where = "";
                } else {
                    long dt = now - last;
                    Thread.State st = ti.getThreadState();
                    if (st != Thread.State.RUNNABLE) {
                        if (inOurCode(ti)) {
                            appWait += dt;
                            appWaitTotal.addAndGet(dt);
                        }
                        else if (waitsForRendering(ti)) renderWait += dt;
                    }
                }
                if (where.isEmpty()) where = firstOurFrame(ti);
                busyTimes.add(new long[] {now});
                busyFrames.put(now, describe(ti));
            } else if (inStretch) {
                inStretch = false;
                long cpu = mx.getThreadCpuTime(fxThread) - cpu0;
                synchronized (stretches) {
                    stretches.add(new Stretch((now - wall0) / 1e6, cpu / 1e6, appWait / 1e6, renderWait / 1e6, where));
                }
            }
            last = now;
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static boolean isIdle(ThreadInfo ti) {
        if (ti.getThreadState() == Thread.State.RUNNABLE) return false;
        for (StackTraceElement e : ti.getStackTrace()) {
            if (e.getClassName().equals("com.sun.glass.ui.monocle.RunnableQueue") && e.getMethodName().equals("getNextRunnable")) return true;
            if (e.getClassName().startsWith("org.ecgworkbench")) return false;
        }
        return false;
    }

    private static boolean inOurCode(ThreadInfo ti) {
        return !firstOurFrame(ti).isEmpty();
    }

    private static boolean waitsForRendering(ThreadInfo ti) {
        for (StackTraceElement e : ti.getStackTrace()) {
            if (e.getClassName().startsWith("com.sun.javafx.tk.quantum.PaintCollector")) return true;
        }
        return false;
    }

    private static String firstOurFrame(ThreadInfo ti) {
        for (StackTraceElement e : ti.getStackTrace()) {
            if (e.getClassName().startsWith("org.ecgworkbench") && !e.getClassName().endsWith("Test")) {
                return e.getClassName().substring(e.getClassName().lastIndexOf('.') + 1) + "." + e.getMethodName();
            }
        }
        return "";
    }

    List<Stretch> stretches() {
        synchronized (stretches) {
            return List.copyOf(stretches);
        }
    }

    Stretch worstBlocking() {
        return stretches().stream().max(Comparator.comparingDouble(Stretch::blockingMillis)).orElse(new Stretch(0, 0, 0, 0, ""));
    }

    Stretch longestWall() {
        return stretches().stream().max(Comparator.comparingDouble(Stretch::wallMillis)).orElse(new Stretch(0, 0, 0, 0, ""));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join(1000);
        prober.join(1000);
    }
}
