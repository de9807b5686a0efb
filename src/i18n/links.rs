//! Why a link could not be opened, in the interface language. The link reader
//! (`crate::share::hash`) says what is wrong as data; the words are here, a damaged
//! scenario's own problems included.

use super::Lang;
use crate::model::limits::MAX_LINK_CHARS;
use crate::share::HashError;

pub fn link_problem(lang: Lang, e: &HashError) -> String {
    // Both languages from one table of templates (`fill`), the English words the same as
    // `HashError`'s `Display`, which the tests check: going through `Display` for English
    // compiled a second, `write!`-based writer of every message into the wasm.
    let t = |en: &str, nl: &str, args: &[&str]| {
        super::fill(if lang == Lang::En { en } else { nl }, args)
    };
    match e {
        HashError::UnknownPreset(name) => t(
            "the link names a preset \"{0}\" that does not exist",
            "de link noemt een verhaal \"{0}\" dat niet bestaat",
            &[name],
        ),
        HashError::BadBase64(why) => t(
            "the scenario in the link is damaged: {0}",
            "het scenario in de link is beschadigd: {0}",
            &[why],
        ),
        HashError::NotUtf8 => t(
            "the scenario in the link is not UTF-8 text",
            "het scenario in de link is geen UTF-8-tekst",
            &[],
        ),
        HashError::BadScenario(problems) => t(
            "the scenario in the link is not valid: {0}",
            "het scenario in de link is niet geldig: {0}",
            &[&joined(problems.len(), &|i| {
                super::problems::problem_line(lang, &problems[i])
            })],
        ),
        HashError::BadAzure(problems) => t(
            "the Azure JSON in the link is not valid: {0}",
            "de Azure-JSON in de link is niet geldig: {0}",
            &[&joined(problems.len(), &|i| {
                super::azure::azure_problem_line(lang, &problems[i])
            })],
        ),
        HashError::BadTime(time) => t(
            "the time \"{0}\" in the link is not an RFC 3339 time",
            "de tijd \"{0}\" in de link is geen RFC 3339-tijd",
            &[time],
        ),
        HashError::NoScenario => t(
            "the link has neither preset= nor scenario=",
            "de link bevat preset= noch scenario=",
            &[],
        ),
        HashError::Packed => t(
            "the compressed scenario in the link was not unpacked",
            "het gecomprimeerde scenario in de link is niet uitgepakt",
            &[],
        ),
        HashError::TooLong { len } => t(
            "the link is {0} characters long; links of at most {1} characters are read",
            "de link is {0} tekens lang; links van hoogstens {1} tekens worden gelezen",
            &[&len.to_string(), &MAX_LINK_CHARS.to_string()],
        ),
    }
}

/// The `count` lines `line` writes, joined by "; ": a damaged link's problems on one line.
fn joined(count: usize, line: &dyn Fn(usize) -> String) -> String {
    let mut out = String::new();
    for i in 0..count {
        if i > 0 {
            out.push_str("; ");
        }
        out.push_str(&line(i));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_link_is_explained_in_each_language() {
        let e = HashError::UnknownPreset("nope".into());
        assert_eq!(link_problem(Lang::En, &e), e.to_string());
        assert_eq!(
            link_problem(Lang::Nl, &e),
            "de link noemt een verhaal \"nope\" dat niet bestaat"
        );
    }

    #[test]
    fn english_is_the_errors_own_display() {
        let text = crate::share::base64url::encode(
            b"{\"version\": 2, \"start\": \"2026-01-05T09:00:00Z\"}",
        );
        let Err(scenario) = crate::share::hash::parse(&format!("#scenario={text}")) else {
            panic!("the link should be refused")
        };
        let azure = crate::share::base64url::encode(b"[1]");
        let Err(azure) =
            crate::share::hash::parse(&format!("#azure={azure}&t=2026-01-05T09:00:00Z"))
        else {
            panic!("the link should be refused")
        };
        let all = [
            HashError::UnknownPreset("nope".into()),
            HashError::BadBase64("bad {0} byte".into()),
            HashError::NotUtf8,
            scenario,
            azure,
            HashError::BadScenario(Vec::new().into()),
            HashError::BadAzure(Vec::new().into()),
            HashError::BadTime("then".into()),
            HashError::NoScenario,
            HashError::Packed,
            HashError::TooLong { len: 123_456 },
        ];
        for e in &all {
            assert_eq!(link_problem(Lang::En, e), e.to_string());
        }
    }

    #[test]
    fn a_damaged_scenarios_problems_follow_the_language() {
        let text = crate::share::base64url::encode(
            b"{\"version\": 2, \"start\": \"2026-01-05T09:00:00Z\"}",
        );
        let Err(e) = crate::share::hash::parse(&format!("#scenario={text}")) else {
            panic!("the link should be refused")
        };
        assert!(link_problem(Lang::Nl, &e).contains("versie 2 wordt niet ondersteund"));
        assert!(link_problem(Lang::En, &e).contains("unsupported version 2"));
    }
}
