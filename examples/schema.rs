//! Prints the JSON Schema of the output (what `structure` prints, and what
//! a `Transcript` serialises to), generated from the types, so that a
//! pipeline can take a fixed schema instead of inferring one: Spark's
//! `from_json`, BigQuery, a database's JSON column.
//!
//! ```text
//! cargo run --example schema --features schema > transcript.schema.json
//! ```

fn main() {
    let schema = schemars::schema_for!(press_transcript::Transcript<'static>);
    let json = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    println!("{json}");
}
