package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

/** Each room keeps its own last message; the bar shows the selected room's. */
class RoomStatusTest {

    @Test
    void switchingBackShowsThatRoomsLastMessage() {
        RoomStatus status = new RoomStatus();
        SimpleStringProperty reading = new SimpleStringProperty("");
        SimpleStringProperty suggestions = new SimpleStringProperty("");
        SimpleStringProperty scan = new SimpleStringProperty("No folder scanned");
        status.watch("viewer", reading);
        status.watch("viewer", suggestions);
        status.watch("dataset", scan);
        status.select("viewer");
        reading.set("A5432: 12 leads");
        assertThat(status.shownProperty().get()).isEqualTo("A5432: 12 leads");
        suggestions.set("A5432: 3 suggested");
        assertThat(status.shownProperty().get()).isEqualTo("A5432: 3 suggested");

        status.select("dataset");
        assertThat(status.shownProperty().get()).isEqualTo("No folder scanned");
        scan.set("250 records indexed");
        reading.set("E00009: 12 leads"); // the viewer goes on in the background: not shown here
        assertThat(status.shownProperty().get()).isEqualTo("250 records indexed");

        status.select("viewer");
        assertThat(status.shownProperty().get()).isEqualTo("E00009: 12 leads");
        status.select("preview");
        assertThat(status.shownProperty().get()).isEmpty();
    }

    @Test
    void aClosedRoomIsForgotten() {
        RoomStatus status = new RoomStatus();
        SimpleStringProperty report = new SimpleStringProperty("Opening run …");
        status.watch("report", report);
        status.select("report");
        status.forget("report");
        report.set("Wrote report.html");
        assertThat(status.messageOf("report")).isEmpty();
        assertThat(status.shownProperty().get()).isEmpty();
    }
}
