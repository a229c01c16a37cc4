//! Horizontal bar charts as inline SVG: real text labels, geometry in presentation attributes
//! (allowed by the strict CSP, unlike `style=`), colours from the stylesheet's classes.
//!
//! Each chart is drawn twice: a wide layout (label, bar and value side by side) and a compact
//! one for phones (label and value above the bar), and the stylesheet shows one of them by
//! screen width. SVG text scales with the drawing, so a single layout would be either tiny on a
//! phone or huge on a slide. The hidden one (`display: none`) is out of the accessibility tree.

use maud::{html, Markup};

use super::text::{percent, truncate, Untrusted};

/// The wide layout: width in SVG units (it scales to its container), row height, where the
/// bars start and how long a 100 % bar is, and where the value is written.
const WIDE: u32 = 640;
const WIDE_ROW: u32 = 56;
const BAR_X: u32 = 220;
const BAR_WIDTH: u32 = 300;
const VALUE_X: u32 = 532;

/// The compact layout: width and row height; bars span the full width.
const COMPACT: u32 = 300;
const COMPACT_ROW: u32 = 70;

/// One bar: a group and its share.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Bar {
    /// What the group is, in English (or the raw key when it has no name).
    pub(crate) label: String,
    /// The code behind the label, shown under it when it differs.
    pub(crate) code: Option<String>,
    /// The share, from 0 to 1; drawn clamped to that range.
    pub(crate) share: f64,
    /// What the share is of, for example `of 140 shown`.
    pub(crate) detail: String,
}

/// Colour family of a chart (a CSS modifier class).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tone {
    /// Warnings.
    Warning,
    /// Quiz.
    Quiz,
}

impl Tone {
    fn class(self) -> &'static str {
        match self {
            Tone::Warning => "chart__svg--warning",
            Tone::Quiz => "chart__svg--quiz",
        }
    }
}

/// A titled list of bars.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BarChart {
    /// A document-unique id (ASCII, no spaces) for the title and description.
    pub(crate) id: &'static str,
    /// The chart's accessible name.
    pub(crate) title: String,
    /// Its colour family.
    pub(crate) tone: Tone,
    /// The bars, top to bottom.
    pub(crate) bars: Vec<Bar>,
}

impl BarChart {
    /// The chart as two `<svg role="img">`s (wide and compact), each named by its `<title>`
    /// and described, bar by bar, by its `<desc>`.
    pub(crate) fn svg(&self) -> Markup {
        html! { (self.wide()) (self.compact()) }
    }

    /// One layout: the `<svg>` with its title and description around `rows`.
    fn layout(&self, layout: &str, width: u32, height: u32, rows: Markup) -> Markup {
        let id = format!("{}-{layout}", self.id);
        html! {
            svg class={ "chart__svg chart__svg--" (layout) " " (self.tone.class()) } role="img"
                aria-labelledby={ (id) "-title " (id) "-desc" }
                viewBox={ "0 0 " (width) " " (height) } width=(width) height=(height)
                preserveAspectRatio="xMinYMin meet" {
                title id={ (id) "-title" } { (self.title) }
                desc id={ (id) "-desc" } { (Untrusted(&self.description())) }
                (rows)
            }
        }
    }

    /// Label and code, bar, then value and detail, side by side.
    fn wide(&self) -> Markup {
        let rows = self.rows(WIDE_ROW, 4, |bar, top| {
            html! {
                (label(bar, top + 21))
                (code(bar, top + 41, 30))
                (rect("chart__track", BAR_X, top + 8, f64::from(BAR_WIDTH), 24))
                (rect("chart__bar", BAR_X, top + 8, bar_length(bar.share, BAR_WIDTH), 24))
                text class="chart__value" x=(VALUE_X) y=(top + 25) { (percent(bar.share)) }
                text class="chart__detail" x=(VALUE_X) y=(top + 43) { (detail(bar)) }
            }
        });
        self.layout("wide", WIDE, WIDE_ROW * self.count() + 8, rows)
    }

    /// Label and value on one line, the bar under them across the width, code and detail
    /// under the bar.
    fn compact(&self) -> Markup {
        let rows = self.rows(COMPACT_ROW, 2, |bar, top| {
            html! {
                (label(bar, top + 16))
                text class="chart__value" x=(COMPACT) y=(top + 16) text-anchor="end" {
                    (percent(bar.share))
                }
                (rect("chart__track", 0, top + 24, f64::from(COMPACT), 16))
                (rect("chart__bar", 0, top + 24, bar_length(bar.share, COMPACT), 16))
                (code(bar, top + 56, 18))
                text class="chart__detail" x=(COMPACT) y=(top + 56) text-anchor="end" {
                    (detail(bar))
                }
            }
        });
        self.layout("compact", COMPACT, COMPACT_ROW * self.count() + 4, rows)
    }

    /// How many bars there are.
    fn count(&self) -> u32 {
        u32::try_from(self.bars.len()).unwrap_or(0)
    }

    /// Each bar as a `<g>` of what `draw` makes of it and its top: `first` for the first bar,
    /// then `height` lower for each.
    fn rows(&self, height: u32, first: u32, draw: impl Fn(&Bar, u32) -> Markup) -> Markup {
        html! {
            @for (i, bar) in self.bars.iter().enumerate() {
                g class="chart__row" { (draw(bar, height * u32::try_from(i).unwrap_or(0) + first)) }
            }
        }
    }

    /// Every bar in words, for assistive technology: `OTC trading (otc_trading): 62% of 140
    /// shown.`
    fn description(&self) -> String {
        self.bars
            .iter()
            .map(|bar| match &bar.code {
                Some(code) => format!(
                    "{} ({code}): {} {}.",
                    bar.label,
                    percent(bar.share),
                    bar.detail
                ),
                None => format!("{}: {} {}.", bar.label, percent(bar.share), bar.detail),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A bar's label, at the left edge on the baseline `y`.
fn label(bar: &Bar, y: u32) -> Markup {
    html! { text class="chart__label" x="0" y=(y) { (Untrusted(&truncate(&bar.label, 22))) } }
}

/// A bar's code (if it has one) cut to `max` characters, at the left edge on the baseline `y`.
fn code(bar: &Bar, y: u32, max: usize) -> Markup {
    html! {
        @if let Some(code) = &bar.code {
            text class="chart__code" x="0" y=(y) { (Untrusted(&truncate(code, max))) }
        }
    }
}

/// What a bar's share is of, cut to fit.
fn detail(bar: &Bar) -> Markup {
    html! { (Untrusted(&truncate(&bar.detail, 18))) }
}

/// A bar or its track: a rectangle with rounded corners. (An SVG element in HTML may be closed
/// by an end tag as well as by `/>`.)
fn rect(class: &str, x: u32, y: u32, width: f64, height: u32) -> Markup {
    html! { rect class=(class) x=(x) y=(y) width=(width) height=(height) rx="4" {} }
}

/// The drawn length of a bar of `share` (clamped to 0–1) on a scale of `full` units; a
/// non-zero share stays visible, however small.
fn bar_length(share: f64, full: u32) -> f64 {
    let share = if share.is_finite() {
        share.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let length = (share * f64::from(full)).round();
    if share > 0.0 {
        length.max(2.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(label: &str) -> BarChart {
        BarChart {
            id: "c1",
            title: "Adherence by <category>".to_owned(),
            tone: Tone::Warning,
            bars: vec![
                Bar {
                    label: label.to_owned(),
                    code: Some("otc_trading".to_owned()),
                    share: 0.6,
                    detail: "of 8 shown".to_owned(),
                },
                Bar {
                    label: "tiny".to_owned(),
                    code: None,
                    share: 0.001,
                    detail: "of 1,000 shown".to_owned(),
                },
            ],
        }
    }

    #[test]
    fn bars_scale_and_everything_is_escaped() {
        let svg = chart("<b>OTC</b> & co").svg().into_string();
        assert!(svg.starts_with("<svg "), "{svg}");
        assert!(svg.contains(r#"role="img""#));
        assert!(svg.contains(r#"aria-labelledby="c1-wide-title c1-wide-desc""#));
        assert!(svg.contains(r#"aria-labelledby="c1-compact-title c1-compact-desc""#));
        assert_eq!(svg.matches("<svg ").count(), 2);
        assert!(svg.contains("<title id=\"c1-wide-title\">Adherence by &lt;category&gt;</title>"));
        assert!(svg.contains("&lt;b&gt;OTC&lt;/b&gt; &amp; co"));
        assert!(!svg.contains("<b>"));
        assert!(
            svg.contains(r#"class="chart__bar" x="220" y="12" width="180""#),
            "{svg}"
        );
        // 0.1 % of 300 would round to 0: it stays visible.
        assert!(svg.contains(r#"width="2" height="24""#), "{svg}");
        assert!(svg.contains(r#"viewBox="0 0 640 120""#), "{svg}");
        assert!(svg.contains(r#"viewBox="0 0 300 144""#), "{svg}");
        assert!(
            svg.contains(r#"class="chart__bar" x="0" y="26" width="180""#),
            "{svg}"
        );
        assert!(!svg.contains("style="));
        assert!(svg.contains("otc_trading): 60% of 8 shown."), "{svg}");
    }

    #[test]
    fn long_labels_are_cut() {
        let svg = chart(&"x".repeat(100)).svg().into_string();
        assert!(svg.contains(&format!("{}…</text>", "x".repeat(21))));
    }
}
