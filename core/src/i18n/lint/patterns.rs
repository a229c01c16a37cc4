//! Walks over Fluent patterns: the variables they use, their select expressions, emptiness.

use fluent_syntax::ast::{CallArguments, Expression, InlineExpression, Pattern, PatternElement};

/// Calls `visit` on every expression in `pattern`, in source order, descending into select
/// variants, nested placeables and call arguments.
pub(super) fn walk<'s>(pattern: &Pattern<&'s str>, visit: &mut impl FnMut(&Expression<&'s str>)) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            walk_expression(expression, visit);
        }
    }
}

fn walk_expression<'s>(
    expression: &Expression<&'s str>,
    visit: &mut impl FnMut(&Expression<&'s str>),
) {
    visit(expression);
    match expression {
        Expression::Select { selector, variants } => {
            walk_inline(selector, visit);
            for variant in variants {
                walk(&variant.value, visit);
            }
        }
        Expression::Inline(inline) => walk_inline(inline, visit),
    }
}

fn walk_inline<'s>(
    inline: &InlineExpression<&'s str>,
    visit: &mut impl FnMut(&Expression<&'s str>),
) {
    let arguments: Option<&CallArguments<&'s str>> = match inline {
        InlineExpression::FunctionReference { arguments, .. } => Some(arguments),
        InlineExpression::TermReference { arguments, .. } => arguments.as_ref(),
        InlineExpression::Placeable { expression } => {
            walk_expression(expression, visit);
            None
        }
        _ => None,
    };
    if let Some(arguments) = arguments {
        let named = arguments.named.iter().map(|n| &n.value);
        for argument in arguments.positional.iter().chain(named) {
            visit(&Expression::Inline(argument.clone()));
            walk_inline(argument, visit);
        }
    }
}

/// The variables `pattern` uses (`$name` → `name`), each once, in order of first use.
pub(super) fn variables<'s>(pattern: &Pattern<&'s str>) -> Vec<&'s str> {
    let mut names = Vec::new();
    walk(pattern, &mut |expression| {
        let inline = match expression {
            Expression::Inline(inline) => inline,
            Expression::Select { selector, .. } => selector,
        };
        if let InlineExpression::VariableReference { id } = inline {
            if !names.contains(&id.name) {
                names.push(id.name);
            }
        }
    });
    names
}

/// The variables `pattern` shows (in a placeable or a function's arguments), not counting
/// those it only uses to choose a variant.
pub(super) fn shown_variables<'s>(pattern: &Pattern<&'s str>) -> Vec<&'s str> {
    let mut names = Vec::new();
    walk(pattern, &mut |expression| {
        if let Expression::Inline(InlineExpression::VariableReference { id }) = expression {
            if !names.contains(&id.name) {
                names.push(id.name);
            }
        }
    });
    names
}

/// Whether `pattern` shows nothing: only blank text and blank string literals.
pub(super) fn is_blank(pattern: &Pattern<&str>) -> bool {
    pattern.elements.iter().all(|element| match element {
        PatternElement::TextElement { value } => value.trim().is_empty(),
        PatternElement::Placeable {
            expression: Expression::Inline(InlineExpression::StringLiteral { value }),
        } => value.trim().is_empty(),
        PatternElement::Placeable { .. } => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast::Entry;
    use fluent_syntax::parser::parse;

    fn value(source: &str) -> Pattern<&str> {
        match parse(source).expect("parses").body.remove(0) {
            Entry::Message(m) => m.value.expect("value"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn variables_come_from_everywhere() {
        let p = value(
            "m = { $a } { NUMBER($b, minimumFractionDigits: 2) } { $c ->\n    [one] { $d }\n   *[other] { { $a } }\n}\n",
        );
        assert_eq!(variables(&p), ["a", "b", "c", "d"]);
        assert_eq!(shown_variables(&p), ["a", "b", "d"], "$c only selects");
    }

    #[test]
    fn blank_patterns() {
        assert!(is_blank(&value("m = { \"\" }\n")));
        assert!(is_blank(&value("m = { \" \" }\n")));
        assert!(!is_blank(&value("m = x\n")));
        assert!(!is_blank(&value("m = { $x }\n")));
    }
}
