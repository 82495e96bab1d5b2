package org.ecgworkbench.runs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.ecgworkbench.train.RunFolder;
import org.ecgworkbench.train.TrainingEvent;

/**
 * A run folder as found on disk (when the workbench opens, or by {@code runs list}): its metadata, its
 * events, and whether a process (from another session, or the command line) trains in it now —
 * {@code train} holds a file lock on {@code .lock} while it does.
 *
 * @param notes metadata that could not be read, events lines that were skipped
 */
public record PastRun(Path folder, RunMetadata metadata, EventsFile events, boolean trainingNow, List<String> notes) {
    public PastRun {
        notes = List.copyOf(notes);
    }

    public static PastRun read(Path folder) {
        List<String> notes = new ArrayList<>();
        RunMetadata metadata;
        try {
            metadata = RunMetadata.read(folder);
        } catch (IOException e) {
            notes.add(e.getMessage());
            metadata = new RunMetadata(folder.getFileName().toString(), List.of(), null);
        }
        EventsFile events;
        RunFolder run = new RunFolder(folder);
        try {
            events = EventsFile.read(run.events());
        } catch (IOException e) {
            notes.add(run.events() + ": " + e.getMessage());
            events = new EventsFile(List.of(), List.of());
        }
        notes.addAll(events.skipped());
        return new PastRun(folder, metadata, events, lockHeld(run.lock()), notes);
    }

    /** Whether another process holds the run's training lock; never creates the lock file. */
    public static boolean lockHeld(Path lockFile) {
        if (!Files.isRegularFile(lockFile)) return false;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) return true;
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the folder is an empty one reserved for a run that never started. */
    public boolean neverStarted() {
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Where the run stands with no process of ours behind it: its last terminal event; else running while
     * another process holds its lock; else failed when the workbench saw its process die; else interrupted.
     * An empty folder is a run still waiting in the workbench's queue.
     */
    public RunStatus status() {
        TrainingEvent terminal = events.terminal();
        if (terminal instanceof TrainingEvent.Done) return RunStatus.FINISHED;
        if (terminal instanceof TrainingEvent.Failed) return RunStatus.FAILED;
        if (terminal instanceof TrainingEvent.Cancelled) return RunStatus.CANCELLED;
        if (trainingNow) return RunStatus.RUNNING;
        if (metadata.deathReason() != null) return RunStatus.FAILED;
        return neverStarted() ? RunStatus.QUEUED : RunStatus.INTERRUPTED;
    }

    /** The finished epochs, one row each: a resumed run that repeats an epoch keeps the repeat, and forgets the epochs after it. */
    public List<EpochRow> epochRows() {
        List<EpochRow> rows = new ArrayList<>();
        for (TrainingEvent e : events.events()) {
            if (e instanceof TrainingEvent.Epoch epoch) {
                rows.removeIf(row -> row.epoch() >= epoch.epoch());
                rows.add(EpochRow.of(epoch));
            }
        }
        return List.copyOf(rows);
    }
}
