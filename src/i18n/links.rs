//! Why a link could not be opened, in the interface language. The link reader
//! (`crate::share::hash`) says what is wrong as data; the words are here, a damaged
//! scenario's own problems included.

use super::Lang;
use crate::model::limits::MAX_LINK_CHARS;
use crate::share::HashError;

pub fn link_problem(lang: Lang, e: &HashError) -> String {
    match lang {
        Lang::En => e.to_string(),
        Lang::Nl => nl(e),
    }
}

fn nl(e: &HashError) -> String {
    match e {
        HashError::UnknownPreset(name) => {
            format!("de link noemt een verhaal \"{name}\" dat niet bestaat")
        }
        HashError::BadBase64(why) => format!("het scenario in de link is beschadigd: {why}"),
        HashError::NotUtf8 => "het scenario in de link is geen UTF-8-tekst".into(),
        HashError::BadScenario(problems) => {
            let lines: Vec<String> = problems
                .iter()
                .map(|p| super::problems::problem_line(Lang::Nl, p))
                .collect();
            format!("het scenario in de link is niet geldig: {}", lines.join("; "))
        }
        HashError::BadAzure(problems) => {
            let lines: Vec<String> = problems
                .iter()
                .map(|p| super::azure::azure_problem_line(Lang::Nl, p))
                .collect();
            format!("de Azure-JSON in de link is niet geldig: {}", lines.join("; "))
        }
        HashError::BadTime(t) => format!("de tijd \"{t}\" in de link is geen RFC 3339-tijd"),
        HashError::NoScenario => "de link bevat preset= noch scenario=".into(),
        HashError::Packed => "het gecomprimeerde scenario in de link is niet uitgepakt".into(),
        HashError::TooLong { len } => format!(
            "de link is {len} tekens lang; links van hoogstens {MAX_LINK_CHARS} tekens worden gelezen"
        ),
    }
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
