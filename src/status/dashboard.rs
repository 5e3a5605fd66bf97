//! The status dashboard (`status --html`, and `dist/status.html` at each
//! build): a self-contained page, no scripts or external files, with a card
//! per locale, a chart of its progress over time (inline SVG) and a table of
//! its chapters. It fits a phone: cards stack, the chart scales and tables
//! scroll inside their own box.

use super::history::Moment;
use super::{Counts, StatusReport};
use crate::formats::xml::escape;

const CSS: &str = "
:root { color-scheme: light dark; --bg: #fff; --fg: #1b1b1b; --muted: #555; --panel: #f5f5f2; --border: #c7c7c7;
  --link: #0b57d0; --track: #e2e2de; --reviewed: #1b5e20; --translated: #66bb6a; --fuzzy: #f9a825; }
@media (prefers-color-scheme: dark) { :root { --bg: #15171b; --fg: #e8e6e3; --muted: #b0b3b8; --panel: #1e2127;
  --border: #41454d; --link: #8ab4f8; --track: #33363d; --reviewed: #81c784; --translated: #2e7d32; --fuzzy: #c49000; } }
body { font-family: system-ui, sans-serif; margin: 0 auto; max-inline-size: 60rem; padding: 1rem; background: var(--bg); color: var(--fg); }
a { color: var(--link); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 1rem; margin-block: 1rem 2rem; }
.card { border: 1px solid var(--border); border-radius: 6px; padding: 0.8rem 1rem; background: var(--panel); }
.card h2 { margin: 0 0 0.5rem; font-size: 1.2em; }
.card dl { display: grid; grid-template-columns: auto auto; gap: 0.2em 1em; margin: 0.6em 0 0; }
.card dd { margin: 0; text-align: end; font-variant-numeric: tabular-nums; }
.scroll { max-inline-size: 100%; overflow-x: auto; margin-block-end: 2rem; }
table { border-collapse: collapse; inline-size: 100%; }
th, td { text-align: start; padding: 0.3em 0.6em; border-block-end: 1px solid var(--border); }
td.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
.bar { display: flex; inline-size: 100%; min-inline-size: 6rem; block-size: 0.9rem; background: var(--track); border-radius: 0.45rem; overflow: hidden; }
.bar span { display: block; block-size: 100%; }
.reviewed { background: var(--reviewed); } .translated { background: var(--translated); } .fuzzy { background: var(--fuzzy); }
.chart { margin: 0 0 1.5rem; }
.chart .plot { display: grid; grid-template-columns: auto 1fr; gap: 0 0.4rem; }
.chart .y { display: flex; flex-direction: column; justify-content: space-between; font-size: 0.8em; color: var(--muted); text-align: end; font-variant-numeric: tabular-nums; }
.chart svg { display: block; inline-size: 100%; block-size: clamp(7rem, 25vw, 11rem); background: var(--track); border-radius: 4px; }
.chart svg .reviewed { fill: var(--reviewed); } .chart svg .translated { fill: var(--translated); } .chart svg .fuzzy { fill: var(--fuzzy); }
.chart svg .grid { stroke: var(--bg); stroke-width: 1; vector-effect: non-scaling-stroke; }
.chart .x { display: flex; justify-content: space-between; gap: 1em; font-size: 0.8em; color: var(--muted); margin-inline-start: 2.6rem; padding-inline-end: 8%; }
.chart figcaption { margin-block-start: 0.3rem; }
.chart details { margin-block-start: 0.3rem; }
.key span { display: inline-block; inline-size: 0.8em; block-size: 0.8em; margin-inline: 0.8em 0.3em; vertical-align: -0.05em; }
";

fn bar(c: &Counts) -> String {
    let pct = |n: usize| {
        if c.total == 0 {
            0.0
        } else {
            n as f64 * 100.0 / c.total as f64
        }
    };
    format!(
        "<div class=\"bar\" role=\"img\" aria-label=\"{t} translated ({r} reviewed), {f} fuzzy, {u} untranslated of {total}\"><span class=\"reviewed\" style=\"inline-size: {:.1}%\"></span><span class=\"translated\" style=\"inline-size: {:.1}%\"></span><span class=\"fuzzy\" style=\"inline-size: {:.1}%\"></span></div>",
        pct(c.reviewed),
        pct(c.translated - c.reviewed),
        pct(c.fuzzy),
        t = c.translated,
        r = c.reviewed,
        f = c.fuzzy,
        u = c.untranslated,
        total = c.total
    )
}

/// One locale's card: its bar and its counts of segments and words.
fn card(locale: &str, segments: &Counts, words: &Counts) -> String {
    format!(
        "<section class=\"card\" aria-labelledby=\"card-{id}\"><h2 id=\"card-{id}\">{locale}</h2>{bar}<dl><dt>Translated</dt><dd>{t:.1}%</dd><dt>Reviewed</dt><dd>{r:.1}%</dd><dt>Fuzzy</dt><dd>{f}</dd><dt>Untranslated</dt><dd>{u}</dd><dt>Words translated</dt><dd>{wt} of {wa}</dd></dl></section>\n",
        id = escape(locale),
        locale = escape(locale),
        bar = bar(segments),
        t = segments.percent(),
        r = segments.percent_reviewed(),
        f = segments.fuzzy,
        u = segments.untranslated,
        wt = words.translated,
        wa = words.total,
    )
}

/// The chart's drawing box, in SVG units; the page scales it to its width.
const CHART_WIDTH: f64 = 600.0;
const CHART_HEIGHT: f64 = 150.0;

/// The share of the width the time axis spans; the rest shows the last
/// moment's state, which is today's.
const TIME_AXIS: f64 = 0.92;

/// The span of time every locale's chart shares, so that charts compare:
/// from the first change in any locale to the last.
#[derive(Debug, Clone, PartialEq, Eq)]
struct TimeAxis {
    first: String,
    last: String,
}

impl TimeAxis {
    /// The axis of every locale's progress; `None` when nothing was recorded.
    fn of(report: &StatusReport) -> Option<TimeAxis> {
        let moments = report.locales.iter().flat_map(|l| &l.progress);
        Some(TimeAxis {
            first: moments.clone().map(|m| &m.at).min()?.clone(),
            last: moments.map(|m| &m.at).max()?.clone(),
        })
    }

    /// Whether the whole history is one day: labels then give the hour.
    fn one_day(&self) -> bool {
        self.first.get(..10) == self.last.get(..10)
    }

    /// Where each moment starts: its place between the axis's first and
    /// last moment (a history of one moment starts at the very left).
    fn xs(&self, moments: &[Moment]) -> Vec<f64> {
        let secs = |at: &str| crate::date::parse_rfc3339(at).unwrap_or(0);
        let first = secs(&self.first);
        let span = (secs(&self.last) - first).max(1) as f64;
        moments
            .iter()
            .map(|m| (secs(&m.at) - first) as f64 * CHART_WIDTH * TIME_AXIS / span)
            .collect()
    }
}

/// One band of the stacked step chart, between `low` and `high` segments at
/// each moment, as the points of an SVG polygon: each moment's value holds
/// until the next one.
fn band(
    moments: &[Moment],
    xs: &[f64],
    low: fn(&Counts) -> usize,
    high: fn(&Counts) -> usize,
) -> String {
    let y = |c: &Counts, n: usize| CHART_HEIGHT - n as f64 * CHART_HEIGHT / c.total.max(1) as f64;
    let until = |i: usize| xs.get(i + 1).copied().unwrap_or(CHART_WIDTH);
    let mut points = String::new();
    for (i, m) in moments.iter().enumerate() {
        let top = y(&m.segments, high(&m.segments));
        points.push_str(&format!("{:.1},{top:.1} {:.1},{top:.1} ", xs[i], until(i)));
    }
    for (i, m) in moments.iter().enumerate().rev() {
        let bottom = y(&m.segments, low(&m.segments));
        points.push_str(&format!(
            "{:.1},{bottom:.1} {:.1},{bottom:.1} ",
            until(i),
            xs[i]
        ));
    }
    points.trim_end().to_string()
}

/// `2026-11-28`, or `2026-11-28 10:36` when the whole history is one day.
fn moment_label(at: &str, one_day: bool) -> String {
    if one_day {
        at.get(..16).unwrap_or(at).replacen('T', " ", 1)
    } else {
        at.get(..10).unwrap_or(at).to_string()
    }
}

/// A share of the moment's segments, as the cards write it.
fn share(n: usize, c: &Counts) -> f64 {
    Counts {
        translated: n,
        ..*c
    }
    .percent()
}

/// A locale's progress over time, drawn from its revision history: the
/// shares reviewed, translated and fuzzy of today's segments after each
/// change, stacked, with the same numbers as a table for screen readers
/// and for anyone who wants them.
fn progress_chart(locale: &str, moments: &[Moment], axis: &TimeAxis) -> String {
    let (Some(first), Some(last)) = (moments.first(), moments.last()) else {
        return String::new();
    };
    let xs = axis.xs(moments);
    let one_day = axis.one_day();
    let summary = |m: &Moment| {
        format!(
            "{}: {:.1}% translated, {:.1}% reviewed, {:.1}% fuzzy",
            moment_label(&m.at, one_day),
            m.segments.percent(),
            m.segments.percent_reviewed(),
            share(m.segments.fuzzy, &m.segments)
        )
    };
    let id = format!("progress-{}", escape(locale));
    let bands = [
        (
            "fuzzy",
            band(moments, &xs, |c| c.translated, |c| c.translated + c.fuzzy),
        ),
        (
            "translated",
            band(moments, &xs, |c| c.reviewed, |c| c.translated),
        ),
        ("reviewed", band(moments, &xs, |_| 0, |c| c.reviewed)),
    ];
    let title = match moments.len() {
        1 => format!("{locale} progress: {}", summary(last)),
        _ => format!(
            "{locale} progress from {} to {}",
            summary(first),
            summary(last)
        ),
    };
    let mut svg = format!(
        "<svg viewBox=\"0 0 {CHART_WIDTH} {CHART_HEIGHT}\" preserveAspectRatio=\"none\" role=\"img\" aria-labelledby=\"{id}-title\"><title id=\"{id}-title\">{}</title>",
        escape(&title),
    );
    for (class, points) in bands {
        svg.push_str(&format!("<polygon class=\"{class}\" points=\"{points}\"/>"));
    }
    for quarter in 1..4 {
        let y = CHART_HEIGHT * f64::from(quarter) / 4.0;
        svg.push_str(&format!(
            "<line class=\"grid\" x1=\"0\" x2=\"{CHART_WIDTH}\" y1=\"{y}\" y2=\"{y}\"/>"
        ));
    }
    svg.push_str("</svg>");
    let mut rows = String::new();
    for m in moments {
        rows.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{:.1}%</td><td class=\"num\">{:.1}%</td><td class=\"num\">{:.1}%</td></tr>\n",
            escape(&moment_label(&m.at, one_day)),
            m.segments.percent(),
            m.segments.percent_reviewed(),
            share(m.segments.fuzzy, &m.segments),
        ));
    }
    format!(
        "<figure class=\"chart\">\n<div class=\"plot\"><div class=\"y\" aria-hidden=\"true\"><span>100%</span><span>50%</span><span>0%</span></div>{svg}</div>\n<div class=\"x\" aria-hidden=\"true\"><span>{start}</span><span>{end}</span></div>\n<figcaption>Progress over time: the share of today's {total} segments translated, reviewed and fuzzy after each change recorded in the memory.</figcaption>\n<details><summary>As a table</summary><div class=\"scroll\"><table><thead><tr><th scope=\"col\">Time (UTC)</th><th scope=\"col\">Translated</th><th scope=\"col\">Reviewed</th><th scope=\"col\">Fuzzy</th></tr></thead><tbody>\n{rows}</tbody></table></div></details>\n</figure>\n",
        start = escape(&moment_label(&axis.first, one_day)),
        end = escape(&moment_label(&axis.last, one_day)),
        total = last.segments.total,
    )
}

/// One chapter's row: its bar, the shares translated and reviewed, and the
/// counts; its name links to the chapter's proof page when there is one.
fn chapter_row(name: &str, proof: Option<String>, s: &Counts, w: &Counts) -> String {
    let name = match proof {
        Some(href) => format!("<a href=\"{}\">{}</a>", escape(&href), escape(name)),
        None => escape(name),
    };
    format!(
        "<tr><th scope=\"row\">{name}</th><td>{}</td><td class=\"num\">{:.1}%</td><td class=\"num\">{:.1}%</td><td class=\"num\">{}/{}/{}/{}</td><td class=\"num\">{}/{}/{}/{}</td></tr>\n",
        bar(s),
        s.percent(),
        s.percent_reviewed(),
        s.translated,
        s.reviewed,
        s.fuzzy,
        s.untranslated,
        w.translated,
        w.reviewed,
        w.fuzzy,
        w.untranslated,
    )
}

/// The dashboard page for a book titled `title`. `proofs` is where the
/// HTML editions are, relative to the page (`html/` beside `status.html`
/// in `dist/`), to link each chapter to its bilingual proof.
pub fn render(report: &StatusReport, title: &str, proofs: Option<&str>) -> String {
    let mut cards = String::new();
    let mut tables = String::new();
    let axis = TimeAxis::of(report);
    for l in &report.locales {
        cards.push_str(&card(&l.locale, &l.segments, &l.words));
        let mut rows = String::new();
        for c in &l.chapters {
            let proof = proofs.map(|base| {
                format!(
                    "{base}{}/proof/{}.html",
                    l.locale,
                    crate::project::page_stem(&c.chapter)
                )
            });
            rows.push_str(&chapter_row(&c.chapter, proof, &c.segments, &c.words));
        }
        let chart = match &axis {
            Some(axis) if !l.progress.is_empty() => format!(
                "<h3>Progress over time</h3>\n{}",
                progress_chart(&l.locale, &l.progress, axis)
            ),
            _ => String::new(),
        };
        tables.push_str(&format!(
            "<section aria-labelledby=\"locale-{locale}\">\n<h2 id=\"locale-{locale}\">{locale}</h2>\n{chart}<h3>Chapters</h3>\n<div class=\"scroll\">\n<table>\n<thead><tr><th scope=\"col\">Chapter</th><th scope=\"col\">Progress</th><th scope=\"col\">Translated</th><th scope=\"col\">Reviewed</th><th scope=\"col\">Segments translated/reviewed/fuzzy/untranslated</th><th scope=\"col\">Source words translated/reviewed/fuzzy/untranslated</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n</div>\n</section>\n",
            locale = escape(&l.locale),
        ));
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>Translation status · {title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n<h1>Translation status</h1>\n<p>{title}</p>\n<p class=\"key\" aria-hidden=\"true\"><span class=\"reviewed\"></span>reviewed<span class=\"translated\"></span>translated<span class=\"fuzzy\"></span>fuzzy</p>\n<div class=\"cards\">\n{cards}</div>\n{tables}</main>\n</body>\n</html>\n",
        title = escape(title),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moment(at: &str, translated: usize, reviewed: usize, fuzzy: usize) -> Moment {
        Moment {
            at: at.into(),
            segments: Counts {
                total: 4,
                translated,
                reviewed,
                fuzzy,
                untranslated: 4 - translated - fuzzy,
            },
        }
    }

    #[test]
    fn each_moment_holds_until_the_next_and_today_keeps_the_last_stretch() {
        let moments = [
            moment("2026-11-01T00:00:00Z", 2, 0, 1),
            moment("2026-11-03T00:00:00Z", 4, 1, 0),
        ];
        let axis = TimeAxis {
            first: moments[0].at.clone(),
            last: moments[1].at.clone(),
        };
        let xs = axis.xs(&moments);
        assert_eq!(xs, [0.0, CHART_WIDTH * TIME_AXIS]);
        // Translated (not reviewed): half the height until the second
        // moment, then from a quarter up to the top until the end.
        assert_eq!(
            band(&moments, &xs, |c| c.reviewed, |c| c.translated),
            "0.0,75.0 552.0,75.0 552.0,0.0 600.0,0.0 600.0,112.5 552.0,112.5 552.0,150.0 0.0,150.0"
        );
        let chart = progress_chart("tr", &moments, &axis);
        // Another locale that began later starts further right on the same axis.
        let later = [moment("2026-11-02T00:00:00Z", 1, 0, 0)];
        assert_eq!(axis.xs(&later), [CHART_WIDTH * TIME_AXIS / 2.0]);
        assert!(
            chart.contains("<span>2026-11-01</span><span>2026-11-03</span>"),
            "{chart}"
        );
        assert!(
            chart.contains("tr progress from 2026-11-01: 50.0% translated, 0.0% reviewed, 25.0% fuzzy to 2026-11-03: 100.0% translated, 25.0% reviewed, 0.0% fuzzy"),
            "{chart}"
        );
    }

    #[test]
    fn a_history_of_one_day_is_labelled_by_the_hour() {
        let moments = [moment("2026-11-01T09:30:00Z", 1, 0, 0)];
        let axis = TimeAxis {
            first: "2026-11-01T08:00:00Z".into(),
            last: "2026-11-01T09:30:00Z".into(),
        };
        let chart = progress_chart("fa", &moments, &axis);
        assert!(
            chart.contains("<span>2026-11-01 08:00</span><span>2026-11-01 09:30</span>"),
            "{chart}"
        );
        assert!(
            chart.contains("points=\"552.0,112.5 600.0,112.5 600.0,150.0 552.0,150.0\""),
            "{chart}"
        );
    }
}
