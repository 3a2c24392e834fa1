//! Web pages as text: council committee pages saved as HTML.
//!
//! Scripts, styles and navigation are dropped; headings, paragraphs and list items become
//! lines; table cells are joined by tabs and rows end lines, so that tables reach the engine as
//! the tab-separated rows it reads. One linear pass, no recursion: deeply nested or broken
//! markup cannot blow the stack.

/// The text of an HTML page.
///
/// ```
/// use report_explorer::html::to_text;
/// let html = "<script>x()</script><p>There are <b>366</b> children in care.</p><table><tr><td>CIN</td><td>355</td></tr></table>";
/// assert_eq!(to_text(html), "There are 366 children in care.\n\nCIN\t355");
/// ```
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut skipping: Option<String> = None;
    let mut cell = 0;
    while let Some(lt) = rest.find('<') {
        if skipping.is_none() {
            push_text(&mut out, &rest[..lt]);
        }
        let tag_and_rest = &rest[lt..];
        if let Some(comment) = tag_and_rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let Some(gt) = tag_and_rest.find('>') else {
            rest = "";
            break;
        };
        let tag = &tag_and_rest[1..gt];
        rest = &tag_and_rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name = tag_name(tag);
        if let Some(until) = &skipping {
            if closing && name == *until {
                skipping = None;
            }
            continue;
        }
        match name.as_str() {
            "script" | "style" | "noscript" | "template" | "nav" | "svg" | "iframe" | "object"
                if !closing =>
            {
                skipping = Some(name);
            }
            "tr" => {
                cell = 0;
                new_line(&mut out, 1);
            }
            "td" | "th" if !closing => {
                if cell > 0 {
                    trim_spaces(&mut out);
                    out.push('\t');
                }
                cell += 1;
            }
            "br" => new_line(&mut out, 1),
            "li" | "dt" | "dd" => new_line(&mut out, 1),
            "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "table" | "section"
            | "article" | "header" | "footer" | "main" | "ul" | "ol" | "blockquote" | "pre"
            | "title" | "caption" => new_line(&mut out, 2),
            _ => {}
        }
    }
    if skipping.is_none() {
        push_text(&mut out, rest);
    }
    tidy(&out)
}

/// The lower-case name of a tag ("/TD class=x" is "td").
fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('/')
        .split(|c: char| c.is_whitespace() || c == '/' || c == '>')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Appends text with its runs of white space collapsed and its entities decoded.
fn push_text(out: &mut String, text: &str) {
    let decoded = decode_entities(text);
    for (i, word) in decoded.split(|c: char| c.is_whitespace()).enumerate() {
        if i > 0 && !out.ends_with([' ', '\n', '\t']) && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
}

fn trim_spaces(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
}

/// Ends the current line, leaving at most `lines` line breaks.
fn new_line(out: &mut String, lines: usize) {
    trim_spaces(out);
    let have = out.len() - out.trim_end_matches('\n').len();
    for _ in have..lines {
        out.push('\n');
    }
}

/// Lines trimmed, no more than one blank line in a row, no leading or trailing blank lines.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_matches(' ');
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

/// Decodes the entities council pages use: named ones for punctuation and `&#NNN;` / `&#xHH;`.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&after[..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    let numeric = |digits: &str, radix| {
        u32::from_str_radix(digits, radix)
            .ok()
            .and_then(char::from_u32)
    };
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        "pound" => Some('£'),
        "ndash" => Some('–'),
        "mdash" => Some('—'),
        "rsquo" => Some('’'),
        "lsquo" => Some('‘'),
        "ldquo" => Some('“'),
        "rdquo" => Some('”'),
        "hellip" => Some('…'),
        "bull" => Some('•'),
        _ => match name.strip_prefix('#') {
            Some(hex) if hex.starts_with(['x', 'X']) => numeric(&hex[1..], 16),
            Some(dec) => numeric(dec, 10),
            None => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_scripts_styles_and_navigation() {
        let html = "<html><head><style>p{}</style><script>alert(1)</script></head><body><nav>Home &gt; Agenda</nav><h1>Children&#39;s Services</h1><p>366&nbsp;children</p></body></html>";
        assert_eq!(to_text(html), "Children's Services\n\n366 children");
    }

    #[test]
    fn tables_become_tab_separated_rows() {
        let html = "<table><tr><th></th><th>Entering</th><th>Leaving</th></tr><tr><td>Total in 2001</td><td>111</td><td> 95 </td></tr></table>";
        assert_eq!(to_text(html), "\tEntering\tLeaving\nTotal in 2001\t111\t95");
    }

    #[test]
    fn broken_and_deep_markup_is_harmless() {
        let deep = "<div>".repeat(100_000) + "300 children in care" + &"</div>".repeat(100_000);
        assert_eq!(to_text(&deep), "300 children in care");
        assert_eq!(to_text("<p>unterminated <b"), "unterminated");
        assert_eq!(
            to_text("&notanentity; &#99999999; &amp"),
            "&notanentity; &#99999999; &amp"
        );
    }
}
