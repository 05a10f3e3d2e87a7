//! Tolerant fields for the serde document types: a value of the wrong JSON type is kept as
//! "what was there" instead of failing the whole document, so the reader can note it with
//! its JSON path and carry on, as the JSON Feed rules for readers ask.
//!
//! [`Field<T>`] is a hand-written visitor rather than an `#[serde(untagged)]` enum: untagged
//! enums buffer every value into serde's `Content` tree before trying each variant, which
//! costs time on a 5,000-item feed and wasm bytes for the buffering code.

use std::fmt;

use serde::de::{
    self, Deserialize, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde_json::value::RawValue;

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
///
/// Arrays and objects are filled in place: [`Accept::array`] / [`Accept::object`] make the
/// empty value, then every entry goes where [`Accept::entry`] says and every member where
/// [`Accept::member`] says. None of it is generic over serde's access types, so the whole
/// document is read by one visitor ([`AnyVisitor`]) and one instance of serde_json's
/// `deserialize_any`, whatever the type of a member: with a visitor per type, as serde's
/// derive and a generic `Field<T>` visitor make, the wasm carried a copy of the reader for
/// each of some twenty types (docs/size.md, "One reader for every member").
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
    /// The empty value an array is read into, if this type takes arrays.
    fn array() -> Option<Self> {
        None
    }
    /// The empty value an object is read into, if this type takes objects.
    fn object() -> Option<Self> {
        None
    }
    /// Where the array's next entry goes (only called on what [`Accept::array`] made).
    fn entry(&mut self) -> Entry<'_, 'de> {
        Entry::Skip
    }
    /// Where the member `key` goes (only called on what [`Accept::object`] made).
    fn member(&mut self, _key: &str) -> Member<'_, 'de> {
        Member::Skip
    }
    /// After the array's last entry or the object's last member.
    fn close(&mut self) {}
}

/// Where an array entry goes.
pub(super) enum Entry<'s, 'de> {
    /// Skipped quietly.
    Skip,
    /// Read leniently into this slot.
    Value(&'s mut dyn Slot<'de>),
    /// Kept as JSON text.
    Raw(&'s mut Vec<&'de RawValue>),
}

/// Where an object member goes.
pub(super) enum Member<'s, 'de> {
    /// Not a member this type reads (other extensions, later versions): skipped.
    Skip,
    /// Read leniently into this slot; a second value for the same key is an error, as in
    /// serde's derived code ("duplicate field `id`"), so the key's name comes along.
    Value(&'static str, &'s mut dyn Slot<'de>),
}

/// A place a JSON value is read into: a [`Field`], or a tag's text. Object-safe, so every
/// member of every type is read by the same code.
pub(super) trait Slot<'de> {
    /// Whether a value was read into it already (a key written twice).
    fn is_set(&self) -> bool;
    fn scalar(&mut self, value: Scalar);
    /// Starts reading an array or object; `false`: not taken, skip it.
    fn open(&mut self, kind: Kind) -> bool;
    fn entry(&mut self) -> Entry<'_, 'de>;
    fn member(&mut self, key: &str) -> Member<'_, 'de>;
    fn close(&mut self);
}

/// A JSON value that is not an array or object.
pub(super) enum Scalar {
    Null,
    Boolean(bool),
    Number(Number),
    String(String),
}

fn judged<T>(value: Option<T>, kind: Kind) -> Field<T> {
    value.map_or(Field::Wrong(kind), Field::Value)
}

impl<'de, T: Accept<'de>> Slot<'de> for Field<T> {
    fn is_set(&self) -> bool {
        !matches!(self, Field::Absent)
    }
    fn scalar(&mut self, value: Scalar) {
        *self = match value {
            Scalar::Null => Field::Null,
            Scalar::Boolean(v) => judged(T::boolean(v), Kind::Boolean),
            Scalar::Number(n) => judged(T::number(n), Kind::Number),
            Scalar::String(text) => judged(T::string(text), Kind::String),
        };
    }
    fn open(&mut self, kind: Kind) -> bool {
        let value = if kind == Kind::Array {
            T::array()
        } else {
            T::object()
        };
        let taken = value.is_some();
        *self = judged(value, kind);
        taken
    }
    fn entry(&mut self) -> Entry<'_, 'de> {
        match self {
            Field::Value(value) => value.entry(),
            _ => Entry::Skip,
        }
    }
    fn member(&mut self, key: &str) -> Member<'_, 'de> {
        match self {
            Field::Value(value) => value.member(key),
            _ => Member::Skip,
        }
    }
    fn close(&mut self) {
        if let Field::Value(value) = self {
            value.close();
        }
    }
}

/// A tag's text: strings only, anything else leaves it empty (and the tag is dropped).
impl<'de> Slot<'de> for String {
    fn is_set(&self) -> bool {
        false
    }
    fn scalar(&mut self, value: Scalar) {
        if let Scalar::String(text) = value {
            *self = text;
        }
    }
    fn open(&mut self, _kind: Kind) -> bool {
        false
    }
    fn entry(&mut self) -> Entry<'_, 'de> {
        Entry::Skip
    }
    fn member(&mut self, _key: &str) -> Member<'_, 'de> {
        Member::Skip
    }
    fn close(&mut self) {}
}

impl<'de, T: Accept<'de>> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut field = Field::Absent;
        deserializer.deserialize_any(AnyVisitor(&mut field))?;
        Ok(field)
    }
}

/// The one visitor: reads any JSON value into a [`Slot`].
struct AnyVisitor<'s, 'de>(&'s mut dyn Slot<'de>);

impl<'de> Visitor<'de> for AnyVisitor<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        self.0.scalar(Scalar::Null);
        Ok(())
    }
    fn visit_none<E>(self) -> Result<(), E> {
        self.0.scalar(Scalar::Null);
        Ok(())
    }
    fn visit_bool<E>(self, v: bool) -> Result<(), E> {
        self.0.scalar(Scalar::Boolean(v));
        Ok(())
    }
    fn visit_u64<E>(self, v: u64) -> Result<(), E> {
        self.0.scalar(Scalar::Number(Number::PosInt(v)));
        Ok(())
    }
    fn visit_i64<E>(self, v: i64) -> Result<(), E> {
        self.0.scalar(Scalar::Number(Number::NegInt(v)));
        Ok(())
    }
    fn visit_f64<E>(self, v: f64) -> Result<(), E> {
        self.0.scalar(Scalar::Number(Number::Float(v)));
        Ok(())
    }
    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        self.0.scalar(Scalar::String(v.to_owned()));
        Ok(())
    }
    fn visit_string<E>(self, v: String) -> Result<(), E> {
        self.0.scalar(Scalar::String(v));
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        if self.0.open(Kind::Array) {
            while seq.next_element_seed(EntrySeed(&mut *self.0))?.is_some() {}
            self.0.close();
        } else {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
        }
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        if !self.0.open(Kind::Object) {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            return Ok(());
        }
        while let Some(member) = map.next_key_seed(KeySeed(&mut *self.0))? {
            match member {
                Member::Value(name, slot) if slot.is_set() => {
                    return Err(de::Error::duplicate_field(name))
                }
                Member::Value(_, slot) => map.next_value_seed(ValueSeed(slot))?,
                Member::Skip => drop(map.next_value::<IgnoredAny>()?),
            }
        }
        self.0.close();
        Ok(())
    }
}

/// A member's value, read into its slot.
struct ValueSeed<'s, 'de>(&'s mut dyn Slot<'de>);

impl<'de> DeserializeSeed<'de> for ValueSeed<'_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(AnyVisitor(self.0))
    }
}

/// An array's next entry, read where the array's value says.
struct EntrySeed<'s, 'de>(&'s mut dyn Slot<'de>);

impl<'de> DeserializeSeed<'de> for EntrySeed<'_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        match self.0.entry() {
            Entry::Value(slot) => deserializer.deserialize_any(AnyVisitor(slot)),
            Entry::Raw(list) => {
                list.push(<&RawValue>::deserialize(deserializer)?);
                Ok(())
            }
            Entry::Skip => deserializer.deserialize_ignored_any(IgnoredAny).map(drop),
        }
    }
}

/// An object's key, looked up in the object's value without being copied.
struct KeySeed<'s, 'de>(&'s mut dyn Slot<'de>);

impl<'s, 'de> DeserializeSeed<'de> for KeySeed<'s, 'de> {
    type Value = Member<'s, 'de>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'s, 'de> Visitor<'de> for KeySeed<'s, 'de> {
    type Value = Member<'s, 'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E>(self, key: &str) -> Result<Self::Value, E> {
        Ok(self.0.member(key))
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
    fn array() -> Option<Self> {
        Some(List(Vec::new()))
    }
    fn entry(&mut self) -> Entry<'_, 'de> {
        self.0.push(Field::Absent);
        match self.0.last_mut() {
            Some(slot) => Entry::Value(slot),
            None => Entry::Skip,
        }
    }
}

/// An object type read member by member: `lenient_object! { struct Name { field: Type, … } }`
/// defines the struct (with `Default`) and its [`Accept`], each member under its field's name
/// or under `#[rename = "key"]`. A struct with a lifetime names it `'de`.
macro_rules! lenient_object {
    (
        $(#[$meta:meta])* $vis:vis struct $name:ident<'de> { $($body:tt)* }
    ) => {
        lenient_object!(@struct [$(#[$meta])*] [$vis] [$name<'de>] [impl<'de> Accept<'de> for $name<'de>] $($body)*);
    };
    (
        $(#[$meta:meta])* $vis:vis struct $name:ident { $($body:tt)* }
    ) => {
        lenient_object!(@struct [$(#[$meta])*] [$vis] [$name] [impl<'de> Accept<'de> for $name] $($body)*);
    };
    (
        @struct [$($meta:tt)*] [$vis:vis] [$($name:tt)*] [$($header:tt)*]
        $( $(#[rename = $key:literal])? $fvis:vis $field:ident : $ty:ty ),* $(,)?
    ) => {
        $($meta)*
        #[derive(Default)]
        $vis struct $($name)* { $( $fvis $field: $ty ),* }

        $($header)* {
            fn object() -> Option<Self> {
                Some(Self::default())
            }
            fn member(&mut self, key: &str) -> $crate::feed::lenient::Member<'_, 'de> {
                $(
                    let name = lenient_object!(@key $field $($key)?);
                    if key == name {
                        return $crate::feed::lenient::Member::Value(name, &mut self.$field);
                    }
                )*
                $crate::feed::lenient::Member::Skip
            }
        }
    };
    (@key $field:ident) => { stringify!($field) };
    (@key $field:ident $key:literal) => { $key };
}
pub(super) use lenient_object;

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
    fn objects_fill_members_by_key_and_skip_the_rest() {
        use crate::feed::wire::{BlockDocument, Tags};
        let block = read::<BlockDocument>(
            r#"{"type": "figure", "x": {"deep": [1, {"y": 2}]}, "width": "640", "alt": 3}"#,
        )
        .value()
        .unwrap();
        assert_eq!(block.kind, Field::Value("figure".to_owned()));
        assert_eq!(block.width, Field::Value(Dimension(Some(640))));
        assert_eq!(block.alt, Field::Wrong(Kind::Number));
        assert_eq!(block.text, Field::Absent);
        let tags = read::<Tags>(r#"["a", " ", 1, ["b"], {"c": 1}, "d"]"#);
        assert_eq!(
            tags.value().map(|t| t.0),
            Some(vec!["a".to_owned(), "d".to_owned()])
        );
    }

    #[test]
    fn a_key_written_twice_is_serdes_own_error() {
        use crate::feed::wire::ItemDocument;
        let mut de = serde_json::Deserializer::from_str(r#"{"id": 1, "url": "a", "id": 2}"#);
        let error = Field::<ItemDocument>::deserialize(&mut de)
            .err()
            .expect("an error");
        assert!(
            error
                .to_string()
                .starts_with("duplicate field `id` at line 1 column "),
            "{error}"
        );
        // Unknown keys may repeat, as with serde's derive.
        let mut de = serde_json::Deserializer::from_str(r#"{"x": 1, "x": 2, "id": "a"}"#);
        assert!(Field::<ItemDocument>::deserialize(&mut de).is_ok());
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
