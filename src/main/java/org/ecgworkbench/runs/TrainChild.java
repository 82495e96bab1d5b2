package org.ecgworkbench.runs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.ecgworkbench.train.TrainingEventJson;

/**
 * A running {@code train} process and the two daemon threads that read its output: standard output
 * line by line as JSON events (anything else is a log line), error output as log lines. A third thread
 * waits for both to finish and for the process to end, then reports its exit code.
 */
public final class TrainChild {
    private final Process process;

    private TrainChild(Process process) {
        this.process = process;
    }

    /**
     * Starts {@code command} and delivers what it says to {@code listener} through {@code deliver}
     * (the app's UI thread; {@code Runnable::run} for the reader threads themselves).
     */
    public static TrainChild start(ProcessBuilder command, Executor deliver, ChildListener listener) throws IOException {
        Process process = command.start();
        CoalescingDelivery out = new CoalescingDelivery(deliver, listener);
        Thread stdout = reader("train-stdout-" + process.pid(), process.getInputStream(), line -> {
            if (line.startsWith("{")) {
                try {
                    out.event(TrainingEventJson.read(line));
                    return;
                } catch (IllegalArgumentException notAnEvent) {
                    // fall through: show it as a log line
                }
            }
            out.log(line);
        });
        Thread stderr = reader("train-stderr-" + process.pid(), process.getErrorStream(), out::log);
        Thread waiter = new Thread(() -> {
            int code;
            try {
                stdout.join();
                stderr.join();
                code = process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            out.exited(code);
        }, "train-exit-" + process.pid());
        waiter.setDaemon(true);
        stdout.start();
        stderr.start();
        waiter.start();
        return new TrainChild(process);
    }

    private static Thread reader(String name, InputStream stream, Consumer<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) lines.accept(line);
            } catch (IOException closed) {
                // the process ended and its pipe went away: the exit code tells the rest
            }
        }, name);
        t.setDaemon(true);
        return t;
    }

    /** Asks the run to stop: SIGTERM, on which {@code train} finishes the batch, checkpoints and says cancelled. */
    public void cancel() {
        // Through the handle: Process.destroy() also closes our end of the pipes, losing the cancelled event.
        process.toHandle().destroy();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean alive() {
        return process.isAlive();
    }
}
