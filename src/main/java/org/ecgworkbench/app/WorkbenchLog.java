package org.ecgworkbench.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.ecgworkbench.model.SoftwareVersion;

/**
 * The desktop workbench's log: what {@link System.Logger} says (the JDK routes it to java.util.logging) goes
 * to a rolling file in the app's configuration folder, {@code logs/workbench-0.log} the newest of
 * {@value #FILES} files of at most {@value #LIMIT_BYTES} bytes. The command line does not install it: a
 * command reports on its terminal.
 */
public final class WorkbenchLog {
    static final int LIMIT_BYTES = 1 << 20;
    static final int FILES = 3;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** Held here because java.util.logging keeps loggers only weakly. */
    private static final Logger START = Logger.getLogger(WorkbenchLog.class.getName() + ".start");

    private final Path folder;
    private final Handler handler;

    private WorkbenchLog(Path folder, Handler handler) {
        this.folder = folder;
        this.handler = handler;
    }

    /** Adds the rolling file to the root logger; where the folder cannot be written, says so on the log's other handlers. */
    public static WorkbenchLog install(Path configDir) {
        Path folder = configDir.resolve("logs");
        Handler handler;
        try {
            Files.createDirectories(folder);
            // FileHandler reads '%' as a pattern character; %g numbers the files, 0 the newest.
            String pattern = folder.toAbsolutePath().resolve("workbench-").toString().replace("%", "%%") + "%g.log";
            handler = new FileHandler(pattern, LIMIT_BYTES, FILES, true);
            handler.setFormatter(new LineFormatter());
            handler.setLevel(Level.INFO);
            Logger.getLogger("").addHandler(handler);
            // The start line goes to the file only: a workbench started from a terminal prints nothing new there.
            START.setUseParentHandlers(false);
            START.addHandler(handler);
            START.info("ECG Workbench " + SoftwareVersion.current() + " started, Java " + System.getProperty("java.version"));
        } catch (IOException | SecurityException e) {
            handler = null;
            System.getLogger(WorkbenchLog.class.getName()).log(System.Logger.Level.WARNING,
                    "no log file in " + folder + ": " + e.getMessage());
        }
        return new WorkbenchLog(folder, handler);
    }

    /** The newest log file (where the error dialog says the details were written). */
    public Path file() {
        return folder.resolve("workbench-0.log");
    }

    /** Whether the file handler is installed. */
    public boolean writesFile() {
        return handler != null;
    }

    /** Removes the file handler and closes the file (tests; the workbench keeps it until it exits). */
    public void uninstall() {
        if (handler == null) return;
        Logger.getLogger("").removeHandler(handler);
        START.removeHandler(handler);
        handler.close();
    }

    /** One line per record ({@code time level logger: message}), then the stack trace if any. */
    static final class LineFormatter extends Formatter {
        @Override
        public String format(LogRecord r) {
            StringBuilder s = new StringBuilder().append(TIME.format(Instant.ofEpochMilli(r.getMillis()))).append(' ')
                    .append(r.getLevel().getName()).append(' ').append(r.getLoggerName()).append(": ")
                    .append(formatMessage(r)).append(System.lineSeparator());
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                s.append(trace);
            }
            return s.toString();
        }
    }
}
