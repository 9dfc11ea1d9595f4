package org.hotline.reports;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.reports.figures.FigureQueries;
import org.hotline.reports.figures.Figures;
import org.hotline.reports.figures.Period;
import org.hotline.reports.render.CsvWriter;
import org.hotline.reports.render.HtmlRenderer;
import org.hotline.reports.render.ReportBuilder;
import org.hotline.reports.render.ReportDocument;
import org.hotline.reports.render.ReportLanguage;
import org.hotline.reports.render.Table;
import org.hotline.reports.store.ReportRuns;
import org.hotline.reports.store.ReportStore;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates reports: figures from the database, the HTML and CSV files, and the {@code report_runs} row that
 * keeps a period from being generated twice. Blocking; the scheduler and the command call it off any event loop.
 */
public final class ReportGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(ReportGenerator.class);

    private final FigureQueries queries;
    private final ReportBuilder builder;
    private final HtmlRenderer html = new HtmlRenderer();
    private final ReportStore store;
    private final ReportRuns runs;
    private final Timer timer;
    private final ReportLanguage language;
    private final List<ReportLanguage> also;

    public ReportGenerator(DSLContext dsl, ReportConfig config, Clock clock, MeterRegistry registry) {
        this.queries = new FigureQueries(dsl, clock);
        this.builder = new ReportBuilder(config.targets());
        this.language = config.language();
        this.also = config.also();
        this.store = new ReportStore(config.dir());
        this.runs = new ReportRuns(dsl, clock);
        this.timer = Timer.builder("hotline.reports.generation").description("Time to generate one report")
                .register(registry);
    }

    /**
     * A report in memory: its figures, its HTML, the same report in further languages (file name to HTML) and
     * one CSV text per table id (the same in every language).
     */
    public record Rendered(Figures figures, String html, Map<String, String> translations, Map<String, String> csv) {
    }

    /**
     * Generates and stores the report of a period, unless it exists already ({@code again} regenerates it) or
     * another run is generating it. Returns the folder written, or empty when nothing was done.
     */
    public Optional<Path> generate(Period period, String requestedBy, boolean again) {
        if (!runs.claim(period.from(), period.to(), requestedBy, again)) {
            LOG.debug("Report {} exists or is being generated; skipped", period.id());
            return Optional.empty();
        }
        try {
            Rendered rendered = render(period);
            Path folder = store.write(period.id(), rendered.html(), rendered.translations(), rendered.csv());
            runs.done(period.from(), period.to(), rendered.figures().calls().offered());
            LOG.info("Report {} generated ({}) in {}", period.id(), requestedBy, folder);
            return Optional.of(folder);
        } catch (RuntimeException e) {
            runs.release(period.from(), period.to());
            throw e;
        }
    }

    /**
     * Computes and renders a period's report in the configured language (and the further ones) without storing
     * it or recording a run (the command's --out).
     */
    public Rendered render(Period period) {
        return render(period, language, also);
    }

    /** Computes and renders a period's report in {@code language}, and in each of {@code also} beside it. */
    public Rendered render(Period period, ReportLanguage language, List<ReportLanguage> also) {
        return timer.record(() -> {
            Figures figures = queries.compute(period);
            ReportDocument document = builder.build(figures, language);
            Map<String, String> csv = new LinkedHashMap<>();
            for (Table table : document.tables()) {
                csv.put(table.id(), CsvWriter.write(table));
            }
            Map<String, String> translations = new LinkedHashMap<>();
            for (ReportLanguage other : also) {
                if (!other.language().equals(language.language())) {
                    translations.put(other.fileName(), html.render(builder.build(figures, other)));
                }
            }
            return new Rendered(figures, html.render(document), translations, csv);
        });
    }

    public ReportStore store() {
        return store;
    }

    public ReportRuns runs() {
        return runs;
    }
}
