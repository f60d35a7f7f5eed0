//! Counts words in text; the example workspace for rust-cargo's demo and tests.
use regex::Regex;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Serialize, PartialEq)]
pub struct Report {
    pub total: usize,
    pub words: BTreeMap<String, usize>,
}

pub fn count(text: &str) -> Report {
    let word = Regex::new(r"[\p{L}\p{N}']+").expect("valid regex");
    let mut words = BTreeMap::new();
    let mut total = 0;
    for m in word.find_iter(text) {
        *words.entry(m.as_str().to_lowercase()).or_insert(0) += 1;
        total += 1;
    }
    Report { total, words }
}

pub fn to_json(report: &Report) -> String {
    serde_json::to_string(report).expect("serializable")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_repeated_words() {
        let r = count("the cat and the hat");
        assert_eq!(r.total, 5);
        assert_eq!(r.words["the"], 2);
    }
}
