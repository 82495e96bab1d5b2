package org.ecgworkbench.app.viewer;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.ecgworkbench.app.LeadShading;
import org.ecgworkbench.app.RecordMeasurement;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.Lead;

/**
 * The ECG viewer's state: the record, the paper settings (layout, speed, gain, zoom, start time),
 * the page layout that follows from them, calipers, the crosshair read-out and the patient panel.
 * The canvas draws {@link #paperLayoutProperty()} and reports what it drew through {@link #reportDrawn}.
 */
public final class EcgViewerViewModel {

    public static final double MAX_ZOOM = 8;

    private final DiagnosisCatalogue catalogue;
    private final ObjectProperty<EcgRecord> record = new SimpleObjectProperty<>(this, "record");
    private final ObjectProperty<EcgLayout> layout = new SimpleObjectProperty<>(this, "layout", EcgLayout.THREE_BY_FOUR);
    private final ObjectProperty<PaperSpeed> speed = new SimpleObjectProperty<>(this, "speed", PaperSpeed.STANDARD);
    private final ObjectProperty<PaperGain> gain = new SimpleObjectProperty<>(this, "gain", PaperGain.STANDARD);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    /** A lead shown alone across the page (double-click on it), or null for the layout. */
    private final ObjectProperty<String> soloLead = new SimpleObjectProperty<>(this, "soloLead");
    private final DoubleProperty startSeconds = new SimpleDoubleProperty(this, "startSeconds", 0);
    private final DoubleProperty viewportWidth = new SimpleDoubleProperty(this, "viewportWidth", 1000);
    /** Height of the visible paper area; infinite (the default) fits the width only. */
    private final DoubleProperty viewportHeight = new SimpleDoubleProperty(this, "viewportHeight", Double.POSITIVE_INFINITY);
    private final ReadOnlyObjectWrapper<EcgPaperLayout> paperLayout = new ReadOnlyObjectWrapper<>(this, "paperLayout");
    private final ReadOnlyDoubleWrapper maxStartSeconds = new ReadOnlyDoubleWrapper(this, "maxStartSeconds", 0);
    private final ReadOnlyObjectWrapper<Caliper> caliper = new ReadOnlyObjectWrapper<>(this, "caliper");
    private final ReadOnlyStringWrapper caliperText = new ReadOnlyStringWrapper(this, "caliperText", "Drag on the paper to measure · double-click a lead to see it alone");
    private final ReadOnlyStringWrapper crosshairText = new ReadOnlyStringWrapper(this, "crosshairText", "");
    private final ReadOnlyObjectWrapper<PatientSummary> patient = new ReadOnlyObjectWrapper<>(this, "patient", PatientSummary.EMPTY);
    private final ObjectProperty<LeadShading> shading = new SimpleObjectProperty<>(this, "shading");
    private final ReadOnlyObjectWrapper<PaperDrawing> lastDrawing = new ReadOnlyObjectWrapper<>(this, "lastDrawing");
    private final ReadOnlyObjectWrapper<RecordOverview> overview = new ReadOnlyObjectWrapper<>(this, "overview");
    private final ReadOnlyDoubleWrapper pageSeconds = new ReadOnlyDoubleWrapper(this, "pageSeconds", 0);
    private final ReadOnlyDoubleWrapper pointerX = new ReadOnlyDoubleWrapper(this, "pointerX", Double.NaN);
    private final ReadOnlyDoubleWrapper pointerY = new ReadOnlyDoubleWrapper(this, "pointerY", Double.NaN);
    /** The shown record's measurement (MainViewModel hands it from the measurements room), or null. */
    private final ObjectProperty<RecordMeasurement> measurement = new SimpleObjectProperty<>(this, "measurement");
    private final BooleanProperty showFiducials = new SimpleBooleanProperty(this, "showFiducials", false);
    private final ReadOnlyObjectWrapper<FiducialMarks> fiducials = new ReadOnlyObjectWrapper<>(this, "fiducials", FiducialMarks.NONE);
    private double caliperStartX = Double.NaN;
    private double caliperStartY = Double.NaN;
    private FiducialMarks.Snap caliperStartSnap;

    public EcgViewerViewModel(DiagnosisCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        record.addListener((obs, old, now) -> {
            startSeconds.set(0);
            // The lead shown alone stays for the next record if it has that lead.
            if (soloLead.get() != null && (now == null || now.leads().stream().noneMatch(l -> l.name().equals(soloLead.get())))) {
                soloLead.set(null);
            }
            patient.set(now == null ? PatientSummary.EMPTY : PatientSummary.of(now, catalogue));
            // One pass over one lead (a few ms even for an hour at 500 Hz): cheap enough for the FX thread.
            overview.set(now == null || now.leads().isEmpty() ? null : RecordOverview.of(now));
            relayout();
        });
        // Choosing a layout shows all the leads again.
        layout.addListener(o -> {
            if (soloLead.get() != null) soloLead.set(null);
            else relayout();
        });
        soloLead.addListener(o -> relayout());
        speed.addListener(o -> relayout());
        gain.addListener(o -> relayout());
        zoom.addListener(o -> relayout());
        startSeconds.addListener(o -> relayout());
        viewportWidth.addListener(o -> relayout());
        viewportHeight.addListener(o -> relayout());
        measurement.addListener(o -> placeFiducials());
        showFiducials.addListener(o -> placeFiducials());
    }

    /** The marks of the measured beats on the page, when shown and measured on the record shown. */
    private void placeFiducials() {
        RecordMeasurement m = measurement.get();
        EcgPaperLayout l = paperLayout.get();
        fiducials.set(!showFiducials.get() || m == null || l == null || m.record() != record.get() ? FiducialMarks.NONE
                : FiducialMarks.of(l, m.measurement()));
    }

    private void relayout() {
        EcgRecord r = record.get();
        if (r == null) {
            paperLayout.set(null);
            maxStartSeconds.set(0);
            pageSeconds.set(0);
        } else {
            EcgPaperLayout.Signal signal = new EcgPaperLayout.Signal(r.fs(), r.samples(),
                    r.leads().stream().map(Lead::name).toList());
            double z = Math.max(1, Math.min(MAX_ZOOM, zoom.get()));
            EcgPaperLayout probe = new EcgPaperLayout(signal,
                    new EcgPaperLayout.Settings(layout.get(), speed.get(), gain.get(), z, 0, soloLead.get()),
                    viewportWidth.get(), viewportHeight.get());
            double max = probe.maxStartSeconds();
            maxStartSeconds.set(max);
            pageSeconds.set(probe.pageSeconds());
            double start = Math.max(0, Math.min(max, startSeconds.get()));
            paperLayout.set(start == 0 ? probe : new EcgPaperLayout(signal,
                    new EcgPaperLayout.Settings(layout.get(), speed.get(), gain.get(), z, start, soloLead.get()),
                    viewportWidth.get(), viewportHeight.get()));
        }
        placeFiducials();
        // A caliper measured on the old paper means nothing on the new one.
        clearCaliper();
    }

    // ---- calipers and crosshair (pixel positions on the canvas)

    public void caliperPressed(double x, double y) {
        if (paperLayout.get() == null) return;
        caliperStartSnap = snap(x, y).orElse(null);
        caliperStartX = caliperStartSnap == null ? x : caliperStartSnap.x();
        caliperStartY = y;
        updateCaliper(x, y);
    }

    /** The fiducial a caliper end at (x, y) snaps to: within {@link FiducialMarks#SNAP_PX}, while fiducials are shown. */
    Optional<FiducialMarks.Snap> snap(double x, double y) {
        EcgPaperLayout l = paperLayout.get();
        return l == null ? Optional.empty() : fiducials.get().snap(l, x, y, FiducialMarks.SNAP_PX);
    }

    public void caliperDragged(double x, double y) {
        if (Double.isNaN(caliperStartX) || paperLayout.get() == null) return;
        updateCaliper(x, y);
        pointerMoved(x, y);
    }

    public void caliperReleased(double x, double y) {
        caliperDragged(x, y);
        caliperStartX = Double.NaN;
        caliperStartY = Double.NaN;
    }

    private void updateCaliper(double x, double y) {
        Optional<FiducialMarks.Snap> end = snap(x, y);
        Caliper c = Caliper.between(paperLayout.get(), caliperStartX, caliperStartY, end.map(FiducialMarks.Snap::x).orElse(x), y);
        caliper.set(c);
        // Snapped ends are named: "QRS onset → T end · Δt 400 ms · …"; between two different fiducials (a PR, a
        // QT) the rate is left out, between two of a kind (QRS onset to QRS onset: one RR) it stays.
        String from = caliperStartSnap == null ? "" : caliperStartSnap.point().label();
        String to = end.map(s -> s.point().label()).orElse("");
        String figures = !from.isEmpty() && !to.isEmpty() && !from.equals(to) ? c.intervalReadout() : c.readout();
        caliperText.set(from.isEmpty() && to.isEmpty() ? c.readout()
                : (from.isEmpty() ? "·" : from) + " → " + (to.isEmpty() ? "·" : to) + " · " + figures);
    }

    public void clearCaliper() {
        caliperStartSnap = null;
        caliperStartX = Double.NaN;
        caliperStartY = Double.NaN;
        caliper.set(null);
        caliperText.set("Drag on the paper to measure · double-click a lead to see it alone");
    }

    /** The crosshair read-out: lead, time, and the trace's value at that time. */
    public void pointerMoved(double x, double y) {
        Optional<String> text = readoutAt(x, y);
        crosshairText.set(text.orElse(""));
        pointerX.set(text.isPresent() ? x : Double.NaN);
        pointerY.set(text.isPresent() ? y : Double.NaN);
    }

    public void pointerExited() {
        crosshairText.set("");
        pointerX.set(Double.NaN);
        pointerY.set(Double.NaN);
    }

    Optional<String> readoutAt(double x, double y) {
        EcgPaperLayout l = paperLayout.get();
        EcgRecord r = record.get();
        if (l == null || r == null) return Optional.empty();
        return l.hitTest(x, y).map(p -> {
            String where = String.format(Locale.ROOT, "%s  t = %.3f s", p.cell().label(), p.seconds());
            int i = (int) Math.round(p.seconds() * r.fs());
            if (p.cell().leadIndex() < 0 || i < 0 || i >= r.samples()) return where;
            float v = r.leads().get(p.cell().leadIndex()).millivolts()[i];
            return where + String.format(Locale.ROOT, "  %.3f mV", v);
        });
    }

    // ---- zoom and pan (zoom magnifies the paper; the page's time window stays)

    /**
     * Double-click on the paper: the lead under the pointer alone across the page, at any zoom; on a
     * lead already alone, back to the layout.
     */
    public void toggleLeadAlone(double x, double y) {
        if (soloLead.get() != null) {
            soloLead.set(null);
            return;
        }
        EcgPaperLayout l = paperLayout.get();
        if (l == null) return;
        l.hitTest(x, y).filter(p -> p.cell().leadIndex() >= 0).ifPresent(p -> soloLead.set(p.cell().label()));
    }

    /** Fit to window: the whole paper in the viewport (zoom 1, the default). */
    public void zoomToFit() {
        zoom.set(1);
    }

    public void zoomIn() {
        zoom.set(Math.min(MAX_ZOOM, zoom.get() * 2));
    }

    public void zoomOut() {
        zoom.set(Math.max(1, zoom.get() / 2));
    }

    /** Moves the page by a fraction of its width (negative: back in time). */
    public void pan(double pages) {
        EcgPaperLayout l = paperLayout.get();
        if (l == null) return;
        startSeconds.set(Math.max(0, Math.min(maxStartSeconds.get(), startSeconds.get() + pages * l.pageSeconds())));
    }

    /** Navigator: puts the given time in the middle of the page (clamped to the record). */
    public void centreOn(double seconds) {
        showFrom(seconds - pageSeconds.get() / 2);
    }

    /** Starts the page at the given time (clamped to the record), e.g. a prediction window's start. */
    public void showFrom(double seconds) {
        if (paperLayout.get() == null || Double.isNaN(seconds)) return;
        startSeconds.set(Math.max(0, Math.min(maxStartSeconds.get(), seconds)));
    }

    // ---- what was drawn

    public void reportDrawn(PaperDrawing drawing) {
        lastDrawing.set(drawing);
    }

    // ---- properties

    public ObjectProperty<EcgRecord> recordProperty() {
        return record;
    }

    /** Where the model looked, shaded under the traces (drawn only for the record it belongs to), or null. */
    public ObjectProperty<LeadShading> shadingProperty() {
        return shading;
    }

    /** The shading that applies to the shown record, or null. */
    public LeadShading currentShading() {
        LeadShading s = shading.get();
        EcgRecord r = record.get();
        return s != null && r != null && s.recordId().equals(r.id()) && s.intensity().length == r.leads().size()
                && (s.intensity().length == 0 || s.intensity()[0].length == r.samples()) ? s : null;
    }

    /** The shown record's measurement (its beats and fiducials), or null. */
    public ObjectProperty<RecordMeasurement> measurementProperty() {
        return measurement;
    }

    /** Whether the beats' fiducials are marked on the paper (and calipers snap to them). */
    public BooleanProperty showFiducialsProperty() {
        return showFiducials;
    }

    /** The fiducial marks on the page (empty when hidden or not measured yet). */
    public ReadOnlyObjectProperty<FiducialMarks> fiducialsProperty() {
        return fiducials.getReadOnlyProperty();
    }

    public ObjectProperty<EcgLayout> layoutProperty() {
        return layout;
    }

    public ObjectProperty<PaperSpeed> speedProperty() {
        return speed;
    }

    public ObjectProperty<PaperGain> gainProperty() {
        return gain;
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public DoubleProperty startSecondsProperty() {
        return startSeconds;
    }

    public DoubleProperty viewportWidthProperty() {
        return viewportWidth;
    }

    public DoubleProperty viewportHeightProperty() {
        return viewportHeight;
    }

    public ReadOnlyObjectProperty<EcgPaperLayout> paperLayoutProperty() {
        return paperLayout.getReadOnlyProperty();
    }

    /** The whole record's envelope for the navigator, or null without a record. */
    public ReadOnlyObjectProperty<RecordOverview> overviewProperty() {
        return overview.getReadOnlyProperty();
    }

    /** How many seconds one page (one trace width) shows at the current speed (zoom does not change it). */
    public ReadOnlyDoubleProperty pageSecondsProperty() {
        return pageSeconds.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty maxStartSecondsProperty() {
        return maxStartSeconds.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Caliper> caliperProperty() {
        return caliper.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty caliperTextProperty() {
        return caliperText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty crosshairTextProperty() {
        return crosshairText.getReadOnlyProperty();
    }

    /** Where the crosshair is (NaN when the pointer is off the traces). */
    public ReadOnlyDoubleProperty pointerXProperty() {
        return pointerX.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty pointerYProperty() {
        return pointerY.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PatientSummary> patientProperty() {
        return patient.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PaperDrawing> lastDrawingProperty() {
        return lastDrawing.getReadOnlyProperty();
    }

    public DiagnosisCatalogue catalogue() {
        return catalogue;
    }
}
