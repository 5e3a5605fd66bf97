//! OmegaT's own files: the project file, and the preferences that make
//! OmegaT protect Markdown's inline syntax as tags when it translates our
//! PO files (its PO filter sees plain text, so without them `**`, links
//! and code spans are words a translator can break).

/// Markdown's inline syntax, as OmegaT's "custom tags" (a Java regular
/// expression, Options › Preferences › Tag Processing). Each match becomes
/// a tag OmegaT shows, protects and checks in every translation: code
/// spans whole (code is never translated), footnote references whole, the
/// brackets and destination of links and images (their text and title
/// stay translatable), emphasis runs (`_` only at a word's edge, as CommonMark
/// reads it), autolinks and HTML, backslash escapes and hard breaks, and
/// entities.
pub const MARKDOWN_TAGS: &str = concat!(
    r"(`+)[\s\S]*?\1",
    r"|\[\^[^\]\s]+\]",
    r"|!?\[",
    r#"|\]\([^)\s]*(?:\s+["']|\))|["']\)"#,
    r"|\]\[[^\]]*\]",
    r"|\]",
    r"|\*+|~~",
    r"|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])",
    r"|<[A-Za-z/!?][^>]*>",
    r"|\\[!-/:-@\[-`{-~\n]",
    r"|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);",
);

/// `omegat.prefs` for a configuration folder (`--config-dir`) that holds
/// only the custom tags: OmegaT keeps its defaults for everything else and
/// adds its own settings to the file when it runs.
pub fn preferences() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<omegat>\n  <preference version=\"1.0\">\n    \
         <tagValidation_customPattern>{}</tagValidation_customPattern>\n  </preference>\n</omegat>\n",
        super::xml::escape(MARKDOWN_TAGS)
    )
}

/// OmegaT's project file: the usual folders, and OmegaT's own sentence
/// segmentation off (our units are already sentences).
pub fn project_file(source: &str, target: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>
<omegat>
    <project version=\"1.0\">
        <source_dir>source</source_dir>
        <source_dir_excludes/>
        <target_dir>target</target_dir>
        <tm_dir>tm</tm_dir>
        <glossary_dir>glossary</glossary_dir>
        <glossary_file>glossary/glossary.txt</glossary_file>
        <dictionary_dir>dictionary</dictionary_dir>
        <source_lang>{source}</source_lang>
        <target_lang>{target}</target_lang>
        <source_tok>org.omegat.tokenizer.{}</source_tok>
        <target_tok>org.omegat.tokenizer.{}</target_tok>
        <sentence_seg>false</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
",
        tokenizer(source),
        tokenizer(target)
    )
}

/// OmegaT's tokenizer for a language (stemming for English, Unicode words
/// otherwise).
fn tokenizer(lang: &str) -> &'static str {
    if lang == "en" {
        "LuceneEnglishTokenizer"
    } else {
        "DefaultTokenizer"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preferences_carry_the_pattern_escaped_for_xml() {
        let prefs = preferences();
        assert!(prefs.contains("&lt;[A-Za-z/!?][^&gt;]*&gt;"), "{prefs}");
        assert!(!prefs.contains("<[A-Za-z"), "{prefs}");
    }
}
