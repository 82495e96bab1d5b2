package org.ecgworkbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.ecgworkbench.dataset.DatasetFormatException;
import org.ecgworkbench.eval.EvalFileFormatException;
import org.ecgworkbench.model.ModelBundleException;
import org.ecgworkbench.record.FileFormatException;
import org.ecgworkbench.record.RecordFormatException;
import org.junit.jupiter.api.Test;

/** The four format errors share one base (file, place, problem) and keep their messages. */
class FileFormatExceptionTest {

    private static final Path FILE = Path.of("data", "A1.hea");

    @Test
    void everyFormatErrorNamesFilePlaceAndProblemAndKeepsItsMessage() {
        List<FileFormatException> errors = List.of(
                new RecordFormatException(FILE, "line 3, field gain", "gain must be > 0"),
                new DatasetFormatException(FILE, "parts.train[3]", "malformed record id"),
                new EvalFileFormatException(FILE, "line 2, column 5", "not a number"),
                new ModelBundleException(FILE, "metadata.json", "field 'codes' must be an array"));
        List<String> places = List.of("line 3, field gain", "parts.train[3]", "line 2, column 5", "metadata.json");
        List<String> problems = List.of("gain must be > 0", "malformed record id", "not a number", "field 'codes' must be an array");
        List<String> messages = List.of(
                FILE + ": line 3, field gain: gain must be > 0",
                FILE + ": field 'parts.train[3]': malformed record id",
                FILE + ": line 2, column 5: not a number",
                FILE + ": entry 'metadata.json': field 'codes' must be an array");
        for (int i = 0; i < errors.size(); i++) {
            FileFormatException e = errors.get(i);
            assertEquals(FILE, e.file());
            assertEquals(places.get(i), e.place());
            assertEquals(problems.get(i), e.problem());
            assertEquals(messages.get(i), e.getMessage());
        }
    }

    @Test
    void inMemoryInputAndWholeFileFaults() {
        RecordFormatException record = new RecordFormatException(null, null, "empty");
        assertEquals("<input>: empty", record.getMessage());
        assertNull(record.file());
        assertNull(record.place());
        assertEquals("<input>: empty", new DatasetFormatException(null, null, "empty").getMessage());
        assertEquals("<input>: empty", new EvalFileFormatException(null, "", "empty").getMessage());
        assertEquals(FILE + ": not a zip file", new ModelBundleException(FILE, null, "not a zip file").getMessage());
    }
}
