//! What the benchmarks share: our written fixtures.

/// The text of every `.txt` fixture under `tests/fixtures`, in a fixed order.
pub fn fixtures() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for dir in std::fs::read_dir(root).unwrap().flatten() {
        for f in std::fs::read_dir(dir.path()).unwrap().flatten() {
            if f.path().extension().is_some_and(|x| x == "txt") {
                out.push(std::fs::read_to_string(f.path()).unwrap());
            }
        }
    }
    out.sort();
    out
}
