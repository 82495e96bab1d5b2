package org.ecgworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.ecgworkbench.record.ResourceLimitException;
import org.ecgworkbench.record.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Exit codes shared by every command: 0 ok, 1 partial failure, 2 bad input, 3 internal error, 4 cancelled. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The command ran but some items failed (e.g. a scan with unreadable records). */
    public static final int PARTIAL = 1;
    /** The input (file, option, record) is unusable; a one-line message names it. */
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL_ERROR = 3;
    /** A long command (training) was cancelled and left a checkpoint to resume from. */
    public static final int CANCELLED = 4;

    private ExitCodes() {
    }

    /**
     * A wrong option or argument: the one {@code error:} line every failing exit starts with, then
     * picocli's suggestions and the usage, as picocli prints them; exit 2.
     */
    static final class ParameterErrorHandler implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("error: " + ex.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
                cmd.usage(err, cmd.getColorScheme());
            }
            err.flush();
            return BAD_INPUT;
        }
    }

    /** Turns an I/O or format error into one line on stderr and exit code 2; a bug into a stack trace and 3. */
    static final class ErrorHandler implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
            if (ex instanceof ResourceLimitException) { // disk or memory: the machine's limit, said in one line
                cmd.getErr().println("error: " + ex.getMessage());
                return INTERNAL_ERROR;
            }
            if (ex instanceof IOException || ex instanceof IllegalArgumentException) {
                cmd.getErr().println("error: " + TerminalText.inert(ex.getMessage()));
                return BAD_INPUT;
            }
            cmd.getErr().println("internal error: " + TerminalText.inert(ex));
            ex.printStackTrace(cmd.getErr());
            return INTERNAL_ERROR;
        }
    }
}
