package org.ecgworkbench.eval;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.ecgworkbench.record.AtomicFiles;

/**
 * An {@link EvaluationReport} as one self-contained HTML page: inline style, a few lines of inline
 * script to sort the per-class table by any column, no external fonts, scripts or images, so it
 * opens the same from an e-mail attachment or an offline server. Every average is named by what
 * it is (the dissertation printed samples-F1 and called it weighted); undefined values show as
 * "—" and sort last.
 */
public final class EvaluationReportHtml {

    private EvaluationReportHtml() {
    }

    /** Writes the page to {@code target} through a temporary file (an existing file is replaced). */
    public static void write(EvaluationReport report, String title, Path target) throws IOException {
        String html = toHtml(report, title);
        AtomicFiles.write(target, true, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(html);
            w.flush();
        });
    }

    static String toHtml(EvaluationReport r, String title) {
        String t = escape(title == null || title.isBlank() ? "Evaluation report" : title);
        StringBuilder sb = new StringBuilder(16_384);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(t).append("</title>\n");
        sb.append("""
                <style>
                body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em;color:#222;max-width:70em}
                table{border-collapse:collapse;margin:1em 0}
                th,td{padding:.3em .7em;border-bottom:1px solid #ddd;text-align:right}
                th:first-child,td:first-child,td.text{text-align:left}
                #classes th{cursor:pointer;user-select:none;background:#f4f4f4}
                #classes th.asc::after{content:" \\25B2"}
                #classes th.desc::after{content:" \\25BC"}
                td.na{color:#999}
                .note{color:#555;font-size:.9em}
                </style>
                </head>
                <body>
                """);
        sb.append("<h1>").append(t).append("</h1>\n");
        sb.append("<p>").append(r.records()).append(r.records() == 1 ? " record, " : " records, ").append(r.perClass().size()).append(r.perClass().size() == 1 ? " class.</p>\n" : " classes.</p>\n");

        summaries(sb, Metric.Group.CHALLENGE, "challenge", r);
        summaries(sb, Metric.Group.F1_AVERAGES, "averages", r);

        sb.append("<h2>Per class</h2>\n<p class=\"note\">Click a column heading to sort.</p>\n");
        sb.append("<table id=\"classes\">\n<thead><tr>");
        String[] headings = {"Class", "SNOMED CT", "Precision", "Recall", "F1", "Support", "AUROC", "AUPRC", "Threshold"};
        for (String h : headings) sb.append("<th>").append(h).append("</th>");
        sb.append("</tr></thead>\n<tbody>\n");
        for (ClassMetrics c : r.perClass()) {
            sb.append("<tr><td class=\"text\">").append(escape(c.abbrev())).append("</td><td class=\"text\">")
                    .append(escape(c.code())).append("</td>");
            cell(sb, c.precision());
            cell(sb, c.recall());
            cell(sb, c.f1());
            sb.append("<td data-v=\"").append(c.support()).append("\">").append(c.support()).append("</td>");
            cell(sb, c.auroc());
            cell(sb, c.auprc());
            cell(sb, c.threshold());
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        sb.append("""
                <p class="note">Precision, recall and F1 as scikit-learn 1.2 (an undefined ratio counts as 0);
                AUROC as <code>roc_auc_score</code> (&mdash; when a class has no positive or no negative record);
                AUPRC as <code>average_precision_score</code>. Challenge metrics as the official
                <code>evaluate_12ECG_score.py</code>.</p>
                <script>
                (function(){
                  var table=document.getElementById('classes'),heads=table.tHead.rows[0].cells,body=table.tBodies[0];
                  function key(cell){var v=cell.getAttribute('data-v');
                    if(v===null)return cell.textContent;return v===''?null:parseFloat(v);}
                  Array.prototype.forEach.call(heads,function(th,col){
                    th.addEventListener('click',function(){
                      var asc=!th.classList.contains('asc');
                      Array.prototype.forEach.call(heads,function(h){h.classList.remove('asc','desc');});
                      th.classList.add(asc?'asc':'desc');
                      var rows=Array.prototype.slice.call(body.rows);
                      rows.sort(function(a,b){var x=key(a.cells[col]),y=key(b.cells[col]);
                        if(x===null||y===null)return x===y?0:(x===null?1:-1);
                        var c=typeof x==='string'?x.localeCompare(y):x-y;return asc?c:-c;});
                      rows.forEach(function(r){body.appendChild(r);});
                    });
                  });
                })();
                </script>
                </body>
                </html>
                """);
        return sb.toString();
    }

    /** One table of averages under the group's heading: each metric's title, value and how it is averaged. */
    private static void summaries(StringBuilder sb, Metric.Group group, String tableId, EvaluationReport r) {
        sb.append("<h2>").append(text(group.heading())).append("</h2>\n<table id=\"").append(tableId).append("\">\n");
        for (Metric m : group.metrics()) {
            sb.append("<tr><th>").append(text(m.title())).append("</th><td>").append(format(m.of(r)))
                    .append("</td><td class=\"text note\">").append(text(m.description())).append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    /**
     * The registry's wording as HTML: markup characters escaped, and β and curly quotes as named
     * entities, so the page stays ASCII (apostrophes stay as they are: they need no escape in text).
     */
    static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case 'β' -> sb.append("&beta;");
                case '“' -> sb.append("&ldquo;");
                case '”' -> sb.append("&rdquo;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void cell(StringBuilder sb, double v) {
        if (Double.isFinite(v)) {
            sb.append("<td data-v=\"").append(v).append("\">").append(format(v)).append("</td>");
        } else {
            sb.append("<td class=\"na\" data-v=\"\">&mdash;</td>");
        }
    }

    private static String format(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "&mdash;";
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
