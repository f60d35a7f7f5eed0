pub fn render(n: u64) -> String {
    let mut buf = itoa::Buffer::new();
    format!("value={}", buf.format(n))
}

#[cfg(test)]
mod tests {
    #[test]
    fn renders() {
        assert_eq!(super::render(42), "value=42");
    }

    #[cfg(feature = "fail")]
    #[test]
    fn fails_on_purpose() {
        assert_eq!(super::render(1), "value=2", "this test fails on purpose");
    }
}
