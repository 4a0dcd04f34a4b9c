//! `schemars::JsonSchema` for the types that write themselves as strings
//! (behind the `schema` feature); the model's other types derive it. The
//! schema of the output is then `schemars::schema_for!(Transcript)`.

use crate::{Date, Time, UtcOffset, Weekday};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use std::borrow::Cow;

/// A string schema of a given name, format or pattern, and description.
macro_rules! string_schema {
    ($ty:ty, $name:literal, $($key:literal : $value:expr),+) => {
        #[cfg_attr(docsrs, doc(cfg(feature = "schema")))]
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed($name)
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({ "type": "string", $($key: $value),+ })
            }
        }
    };
}

string_schema!(Date, "Date",
    "format": "date",
    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    "description": "A calendar date, `YYYY-MM-DD`.");
string_schema!(Time, "Time",
    "pattern": "^[0-2][0-9]:[0-5][0-9](:[0-6][0-9])?$",
    "description": "A time of day, `HH:MM` or `HH:MM:SS`.");
string_schema!(UtcOffset, "UtcOffset",
    "pattern": "^[+-][0-9]{2}:[0-5][0-9]$",
    "description": "An offset from UTC, `+07:00`.");
string_schema!(Weekday, "Weekday",
    "enum": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    "description": "A day of the week.");
