//! Web pages as text: council committee pages saved as HTML (ModernGov agenda item pages and
//! the like).
//!
//! Scripts, styles and the site's chrome are dropped: navigation, menus, breadcrumbs, search,
//! cookie banners, side bars and the site's header and footer, known by their element
//! (`nav`, `aside`, `form`), their ARIA role (`navigation`, `banner`, `contentinfo` ...) or
//! their class or id ("breadcrumb", "menu", "cookie" ...). Headings, paragraphs and list items become
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
    // The element being skipped, and how deep in elements of its name.
    let mut skipping: Option<(String, usize)> = None;
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
        let self_closing = tag.ends_with('/') || VOID.contains(&name.as_str());
        if let Some((until, depth)) = &mut skipping {
            if name == *until && !self_closing {
                if closing {
                    *depth -= 1;
                } else {
                    *depth += 1;
                }
                if *depth == 0 {
                    skipping = None;
                }
            }
            continue;
        }
        if !closing && !self_closing && is_chrome(&name, tag) {
            skipping = Some((name, 1));
            continue;
        }
        match name.as_str() {
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

/// Elements that have no end tag.
const VOID: [&str; 8] = ["br", "img", "input", "meta", "link", "hr", "wbr", "source"];

/// Elements whose content is never the report's.
const NOT_CONTENT: [&str; 12] = [
    "script", "style", "noscript", "template", "nav", "svg", "iframe", "object", "form", "aside",
    "button", "select",
];

/// ARIA roles of a site's chrome.
const CHROME_ROLES: [&str; 5] = [
    "navigation",
    "banner",
    "contentinfo",
    "search",
    "complementary",
];

/// Parts of a class or id that mark a site's chrome wherever they are ("mgBreadCrumbs",
/// "cookie-banner"), and words that do when they stand alone ("main-menu", "site_footer",
/// "skip-link"; not "research" or "menuboard").
const CHROME_PARTS: [&str; 5] = ["breadcrumb", "cookie", "navbar", "sidebar", "masthead"];
const CHROME_WORDS: [&str; 7] = [
    "nav",
    "menu",
    "skip",
    "footer",
    "banner",
    "search",
    "navigation",
];

/// True when the element opened by `tag` (named `name`) is scripts, styles or the site's chrome.
fn is_chrome(name: &str, tag: &str) -> bool {
    if NOT_CONTENT.contains(&name) {
        return true;
    }
    let lower = tag.to_ascii_lowercase();
    let role = attribute(&lower, "role");
    if role.is_some_and(|r| CHROME_ROLES.contains(&r)) {
        return true;
    }
    ["class", "id"].iter().any(|a| {
        attribute(&lower, a).is_some_and(|v| {
            CHROME_PARTS.iter().any(|p| v.contains(p))
                || v.split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|word| CHROME_WORDS.contains(&word))
        })
    })
}

/// The value of attribute `name` in a lower-cased tag, quoted or not.
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let mut from = 0;
    while let Some(at) = tag[from..].find(name) {
        let start = from + at;
        from = start + name.len();
        let before_ok = tag[..start].ends_with(|c: char| c.is_whitespace());
        let rest = tag[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value = rest[1..].trim_start();
        return Some(match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or(""),
            _ => value
                .split(|c: char| c.is_whitespace())
                .next()
                .unwrap_or(""),
        });
    }
    None
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
    fn drops_a_council_sites_chrome_and_keeps_the_report() {
        let html = r##"<body>
            <a class="skip-link" href="#main">Skip to content</a>
            <div id="cookie-banner"><p>We use 3 cookies.</p></div>
            <header role="banner"><div class="logo">Anytown Council</div><ul class="main-menu"><li>Home</li><li>Services</li></ul></header>
            <div id="mgBreadCrumbs"><a>Home</a> &gt; <a>Meetings</a></div>
            <form class="search"><input name="q"><button>Search 2 sites</button></form>
            <div id="main"><header><h1>Agenda item - Children in care</h1><p>Meeting of Cabinet, Wednesday, 4th July, 2018</p></header>
              <div class="mgContent"><p>There are 350 children in care.</p>
              <div><div><table><tr><td>Child in Need</td><td>355</td></tr></table></div></div></div></div>
            <aside><h2>Related</h2><p>10 other meetings</p></aside>
            <footer class="site-footer"><p>© 2018 Anytown Council, 1 Town Hall Square</p></footer>
            </body>"##;
        assert_eq!(
            to_text(html),
            "Agenda item - Children in care\n\nMeeting of Cabinet, Wednesday, 4th July, 2018\n\nThere are 350 children in care.\n\nChild in Need\t355"
        );
    }

    #[test]
    fn chrome_nested_in_its_own_kind_is_skipped_whole() {
        let html = "<div class=\"sidebar\"><div><p>1 link</p></div><p>2 links</p></div><p>366 children</p>";
        assert_eq!(to_text(html), "366 children");
        // Only whole words count: research is not search.
        let kept = "<div class=\"research-findings\"><p>366 children</p></div>";
        assert_eq!(to_text(kept), "366 children");
        assert_eq!(attribute("div id=x class='a b'", "class"), Some("a b"));
        assert_eq!(attribute("div data-class=\"x\"", "class"), None);
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
