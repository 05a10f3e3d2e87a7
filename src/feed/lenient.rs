//! Tolerant fields for the serde document types: a value of the wrong JSON type is kept as
//! "what was there" instead of failing the whole document, so the reader can note it with
//! its JSON path and carry on, as the JSON Feed rules for readers ask.
//!
//! [`Field<T>`] is a hand-written visitor rather than an `#[serde(untagged)]` enum: untagged
//! enums buffer every value into serde's `Content` tree before trying each variant, which
//! costs time on a 5,000-item feed and wasm bytes for the buffering code.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// The JSON type of a value, for messages such as "`$.items` is null; expected …".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
/// (`null` is not a kind here: it is [`Field::Null`].)
pub(super) enum Kind {
    Boolean,
    Number,
    String,
    Array,
    Object,
}

impl Kind {
    pub(super) fn described(self) -> &'static str {
        match self {
            Kind::Boolean => "a boolean",
            Kind::Number => "a number",
            Kind::String => "a string",
            Kind::Array => "an array",
            Kind::Object => "an object",
        }
    }
}

/// A JSON number as serde_json hands it over: integers that fit 64 bits stay exact.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Number {
    PosInt(u64),
    NegInt(i64),
    Float(f64),
}

/// One member of a JSON object, as read.
#[derive(Debug, Default, PartialEq)]
pub(super) enum Field<T> {
    /// The key is not there.
    #[default]
    Absent,
    /// `null`.
    Null,
    /// A value of a type `T` accepts.
    Value(T),
    /// A value of another type, skipped; its kind is kept for the reader's note.
    Wrong(Kind),
}

impl<T> Field<T> {
    pub(super) fn value(self) -> Option<T> {
        match self {
            Field::Value(value) => Some(value),
            _ => None,
        }
    }
}

/// What a type takes from JSON. Every method defaults to "not this kind", which becomes
/// [`Field::Wrong`]; arrays and objects of the wrong kind are skipped without being built.
pub(super) trait Accept<'de>: Sized {
    fn string(_text: String) -> Option<Self> {
        None
    }
    fn number(_number: Number) -> Option<Self> {
        None
    }
    fn boolean(_value: bool) -> Option<Self> {
        None
    }
    fn array<A: SeqAccess<'de>>(mut seq: A) -> Result<Option<Self>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn object<A: MapAccess<'de>>(mut map: A) -> Result<Option<Self>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

impl<'de, T: Accept<'de>> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FieldVisitor(PhantomData))
    }
}

struct FieldVisitor<T>(PhantomData<T>);

fn judged<T>(value: Option<T>, kind: Kind) -> Field<T> {
    value.map_or(Field::Wrong(kind), Field::Value)
}

impl<'de, T: Accept<'de>> Visitor<'de> for FieldVisitor<T> {
    type Value = Field<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Field::Null)
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(Field::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(judged(T::boolean(v), Kind::Boolean))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(judged(T::number(Number::PosInt(v)), Kind::Number))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(judged(T::number(Number::NegInt(v)), Kind::Number))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok(judged(T::number(Number::Float(v)), Kind::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(judged(T::string(v.to_owned()), Kind::String))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(judged(T::string(v), Kind::String))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        Ok(judged(T::array(seq)?, Kind::Array))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        Ok(judged(T::object(map)?, Kind::Object))
    }
}

impl Accept<'_> for String {
    fn string(text: String) -> Option<Self> {
        Some(text)
    }
}

impl Accept<'_> for bool {
    fn boolean(value: bool) -> Option<Self> {
        Some(value)
    }
}

/// Every entry of a JSON array, each read leniently, so one bad entry is one note.
#[derive(Debug, Default, PartialEq)]
pub(super) struct List<T>(pub(super) Vec<Field<T>>);

impl<'de, T: Accept<'de>> Accept<'de> for List<T> {
    fn array<A: SeqAccess<'de>>(mut seq: A) -> Result<Option<Self>, A::Error> {
        let mut entries = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(entry) = seq.next_element::<Field<T>>()? {
            entries.push(entry);
        }
        Ok(Some(List(entries)))
    }
}

/// An object read through its `#[derive(Deserialize)]`: the derived code does the keys,
/// [`Field`] the tolerance of each member.
macro_rules! accept_object {
    ($($name:ident $(<$lt:lifetime>)?),* $(,)?) => {$(
        impl<'de> $crate::feed::lenient::Accept<'de> for $name $(<$lt>)? {
            fn object<A: serde::de::MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
                serde::Deserialize::deserialize(
                    serde::de::value::MapAccessDeserializer::new(map),
                )
                .map(Some)
            }
        }
    )*};
}
pub(super) use accept_object;

/// An id as written: a string, or a number coerced to its decimal text.
#[derive(Debug, PartialEq)]
pub(super) enum Id {
    Text(String),
    /// A number that is not an integer a double holds exactly (`1.5`, `1e300`).
    NotAnInteger,
}

impl Accept<'_> for Id {
    fn string(text: String) -> Option<Self> {
        Some(Id::Text(text))
    }
    fn number(number: Number) -> Option<Self> {
        Some(number_text(number).map_or(Id::NotAnInteger, Id::Text))
    }
}

impl Field<Id> {
    /// The id's text; `Ok(None)` when absent, null or blank; `Err(what was there)` else.
    pub(super) fn text(self) -> Result<Option<String>, &'static str> {
        match self {
            Field::Absent | Field::Null => Ok(None),
            Field::Value(Id::Text(text)) if text.trim().is_empty() => Ok(None),
            Field::Value(Id::Text(text)) => Ok(Some(text)),
            Field::Value(Id::NotAnInteger) => Err("a non-integer number"),
            Field::Wrong(kind) => Err(kind.described()),
        }
    }
}

/// Decimal text of a JSON number used as an id: `1` → "1", `1.9999999999999999e2` → "200".
///
/// Integral floats are what encoders that only have doubles write for integer ids. Other
/// floats (`1.5`) are not ids anyone relies on, and printing them would bring the float
/// formatter into the wasm bundle, so they give `None`.
fn number_text(number: Number) -> Option<String> {
    // Beyond 2^53 a double no longer holds every integer, so the text would be invented.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    match number {
        Number::PosInt(u) => Some(u.to_string()),
        Number::NegInt(i) => Some(i.to_string()),
        Number::Float(f) => (f.fract() == 0.0 && f.abs() <= EXACT).then(|| (f as i64).to_string()),
    }
}

/// A positive pixel size; `640`, `640.0` and `"640"` all count, anything else is `None`.
#[derive(Debug, PartialEq)]
pub(super) struct Dimension(pub(super) Option<u32>);

impl Accept<'_> for Dimension {
    fn number(number: Number) -> Option<Self> {
        let n = match number {
            Number::PosInt(n) => Some(n),
            Number::NegInt(_) => None,
            Number::Float(f) => {
                (f.fract() == 0.0 && (1.0..=f64::from(u32::MAX)).contains(&f)).then_some(f as u64)
            }
        };
        Some(Dimension(positive(n)))
    }
    fn string(text: String) -> Option<Self> {
        Some(Dimension(positive(text.trim().parse().ok())))
    }
}

fn positive(n: Option<u64>) -> Option<u32> {
    n.and_then(|n| u32::try_from(n).ok()).filter(|n| *n > 0)
}

/// Only used so the tests of this module can read arrays through [`Accept`] directly.
#[cfg(test)]
fn read<'de, T: Accept<'de>>(json: &'de str) -> Field<T> {
    let mut de = serde_json::Deserializer::from_str(json);
    Field::deserialize(&mut de).expect("valid JSON")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_kinds_are_kept_as_kinds() {
        assert_eq!(read::<String>("\"a\""), Field::Value("a".to_owned()));
        assert_eq!(read::<String>("null"), Field::Null);
        assert_eq!(read::<String>("[1, [2], {}]"), Field::Wrong(Kind::Array));
        assert_eq!(read::<String>("{\"a\": [1]}"), Field::Wrong(Kind::Object));
        assert_eq!(read::<String>("1.5"), Field::Wrong(Kind::Number));
        assert_eq!(read::<bool>("\"true\""), Field::Wrong(Kind::String));
    }

    #[test]
    fn lists_keep_every_entry() {
        let list = read::<List<String>>("[\"a\", 1, null]").value().unwrap();
        assert_eq!(
            list.0,
            vec![
                Field::Value("a".to_owned()),
                Field::Wrong(Kind::Number),
                Field::Null
            ]
        );
    }

    #[test]
    fn ids_and_dimensions_coerce_numbers() {
        assert_eq!(read::<Id>("12").text(), Ok(Some("12".to_owned())));
        assert_eq!(read::<Id>("-3").text(), Ok(Some("-3".to_owned())));
        assert_eq!(read::<Id>("2.0").text(), Ok(Some("2".to_owned())));
        assert_eq!(read::<Id>("1.5").text(), Err("a non-integer number"));
        assert_eq!(read::<Id>("\" \"").text(), Ok(None));
        assert_eq!(read::<Id>("true").text(), Err("a boolean"));
        assert_eq!(
            read::<Dimension>("640.0").value(),
            Some(Dimension(Some(640)))
        );
        assert_eq!(
            read::<Dimension>("\" 480 \"").value(),
            Some(Dimension(Some(480)))
        );
        assert_eq!(read::<Dimension>("0").value(), Some(Dimension(None)));
        assert_eq!(read::<Dimension>("-2").value(), Some(Dimension(None)));
    }
}
