//! Horizontal bar charts as inline SVG: real text labels, geometry in presentation attributes
//! (allowed by the strict CSP, unlike `style=`), colours from the stylesheet's classes.
//!
//! Each chart is drawn twice: a wide layout (label, bar and value side by side) and a compact
//! one for phones (label and value above the bar), and the stylesheet shows one of them by
//! screen width. SVG text scales with the drawing, so a single layout would be either tiny on a
//! phone or huge on a slide. The hidden one (`display: none`) is out of the accessibility tree.

use std::fmt::Write as _;

use super::text::{escape, percent, truncate};

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
    pub(crate) fn svg(&self) -> String {
        let mut svg = self.wide();
        svg.push_str(&self.compact());
        svg
    }

    /// The opening tag, title and description of one layout.
    fn open(&self, layout: &str, width: u32, height: u32) -> String {
        let id = format!("{}-{layout}", self.id);
        format!(
            r#"<svg class="chart__svg chart__svg--{layout} {tone}" role="img" aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {width} {height}" width="{width}" height="{height}" preserveAspectRatio="xMinYMin meet"><title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>"#,
            tone = self.tone.class(),
            title = escape(&self.title),
            desc = escape(&self.description()),
        )
    }

    /// Label and code, bar, then value and detail, side by side.
    fn wide(&self) -> String {
        let rows = u32::try_from(self.bars.len()).unwrap_or(0);
        let mut svg = self.open("wide", WIDE, WIDE_ROW * rows + 8);
        for (i, bar) in self.bars.iter().enumerate() {
            let top = WIDE_ROW * u32::try_from(i).unwrap_or(0) + 4;
            let _ = write!(
                svg,
                concat!(
                    r#"<g class="chart__row">"#,
                    r#"<text class="chart__label" x="0" y="{label_y}">{label}</text>"#,
                    "{code}",
                    r#"<rect class="chart__track" x="{BAR_X}" y="{bar_y}" width="{BAR_WIDTH}" height="24" rx="4"/>"#,
                    r#"<rect class="chart__bar" x="{BAR_X}" y="{bar_y}" width="{length}" height="24" rx="4"/>"#,
                    r#"<text class="chart__value" x="{VALUE_X}" y="{value_y}">{value}</text>"#,
                    r#"<text class="chart__detail" x="{VALUE_X}" y="{detail_y}">{detail}</text>"#,
                    "</g>"
                ),
                BAR_X = BAR_X,
                BAR_WIDTH = BAR_WIDTH,
                VALUE_X = VALUE_X,
                label_y = top + 21,
                label = escape(&truncate(&bar.label, 22)),
                code = match &bar.code {
                    Some(code) => format!(
                        r#"<text class="chart__code" x="0" y="{}">{}</text>"#,
                        top + 41,
                        escape(&truncate(code, 30))
                    ),
                    None => String::new(),
                },
                bar_y = top + 8,
                length = bar_length(bar.share, BAR_WIDTH),
                value_y = top + 25,
                value = escape(&percent(bar.share)),
                detail_y = top + 43,
                detail = escape(&truncate(&bar.detail, 18)),
            );
        }
        svg.push_str("</svg>");
        svg
    }

    /// Label and value on one line, the bar under them across the width, code and detail
    /// under the bar.
    fn compact(&self) -> String {
        let rows = u32::try_from(self.bars.len()).unwrap_or(0);
        let mut svg = self.open("compact", COMPACT, COMPACT_ROW * rows + 4);
        for (i, bar) in self.bars.iter().enumerate() {
            let top = COMPACT_ROW * u32::try_from(i).unwrap_or(0) + 2;
            let _ = write!(
                svg,
                concat!(
                    r#"<g class="chart__row">"#,
                    r#"<text class="chart__label" x="0" y="{line_y}">{label}</text>"#,
                    r#"<text class="chart__value" x="{COMPACT}" y="{line_y}" text-anchor="end">{value}</text>"#,
                    r#"<rect class="chart__track" x="0" y="{bar_y}" width="{COMPACT}" height="16" rx="4"/>"#,
                    r#"<rect class="chart__bar" x="0" y="{bar_y}" width="{length}" height="16" rx="4"/>"#,
                    "{code}",
                    r#"<text class="chart__detail" x="{COMPACT}" y="{small_y}" text-anchor="end">{detail}</text>"#,
                    "</g>"
                ),
                COMPACT = COMPACT,
                line_y = top + 16,
                label = escape(&truncate(&bar.label, 22)),
                value = escape(&percent(bar.share)),
                bar_y = top + 24,
                length = bar_length(bar.share, COMPACT),
                code = match &bar.code {
                    Some(code) => format!(
                        r#"<text class="chart__code" x="0" y="{}">{}</text>"#,
                        top + 56,
                        escape(&truncate(code, 18))
                    ),
                    None => String::new(),
                },
                small_y = top + 56,
                detail = escape(&truncate(&bar.detail, 18)),
            );
        }
        svg.push_str("</svg>");
        svg
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
        let svg = chart("<b>OTC</b> & co").svg();
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
        let svg = chart(&"x".repeat(100)).svg();
        assert!(svg.contains(&format!("{}…</text>", "x".repeat(21))));
    }
}
