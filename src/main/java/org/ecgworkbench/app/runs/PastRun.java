package org.ecgworkbench.app.runs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.ecgworkbench.train.RunFolder;
import org.ecgworkbench.train.TrainingEvent;

/**
 * A run folder as found on disk when the workbench opens: its metadata, its events, and whether a
 * process (from another session, or the command line) trains in it now — {@code train} holds a file
 * lock on {@code .lock} while it does.
 *
 * @param notes metadata that could not be read, events lines that were skipped
 */
record PastRun(Path folder, RunMetadata metadata, EventsFile events, boolean trainingNow, List<String> notes) {

    static PastRun read(Path folder) {
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
    static boolean lockHeld(Path lockFile) {
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
    boolean neverStarted() {
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** The run's dashboard, rebuilt from its events. */
    RunViewModel replay(LongSupplier clock) {
        RunViewModel vm = new RunViewModel(metadata.label(), folder, clock);
        for (TrainingEvent e : events.events()) vm.apply(e, false);
        notes.forEach(vm::log);
        if (events.terminal() == null) {
            if (trainingNow) vm.trainingElsewhere();
            else if (metadata.deathReason() != null) vm.died(metadata.deathReason());
            else vm.interrupted();
        }
        return vm;
    }
}
