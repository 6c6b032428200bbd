//! The two XML helpers Dossier's readers of XML formats need (TimeML input, and the MEANTIME CAT and
//! PETRARCH gold files): attribute lookup in a start tag and entity unescaping. These formats are regular
//! enough that a full XML parser would be a dependency without a benefit.

/// The value of attribute `name` in the start tag `tag` (`<token t_id="3" sentence="0">`), if present.
/// The name must be preceded by white space, so `id` does not match inside `t_id`.
pub fn attr<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let pat = format!("{name}=\"");
    let mut from = 0;
    while let Some(pos) = tag[from..].find(&pat) {
        let at = from + pos;
        if tag[..at].ends_with(char::is_whitespace) {
            let i = at + pat.len();
            let j = tag[i..].find('"')? + i;
            return Some(&tag[i..j]);
        }
        from = at + pat.len();
    }
    None
}

/// Replaces the five predefined XML entities.
pub fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_match_whole_names() {
        let tag = "<token t_id=\"3\" id=\"x\"\n  sentence=\"0\">";
        assert_eq!(attr(tag, "id"), Some("x"));
        assert_eq!(attr(tag, "t_id"), Some("3"));
        assert_eq!(attr(tag, "sentence"), Some("0"));
        assert_eq!(attr(tag, "number"), None);
        assert_eq!(unescape("a &amp;lt; b &quot;c&quot;"), "a &lt; b \"c\"");
    }
}
