//! Reading a sidecar of a newer format: a serde `Deserializer` over `ron`'s that drops, at every
//! depth, the fields a struct does not name before the struct's own `Deserialize` sees them. The
//! sidecar's types refuse unknown fields (a misspelt hand edit in a file of this version is an
//! error), and through this they still read a newer file, whose new fields this build cannot
//! keep anyway (it never writes such a file). Everything else, values, messages, line and
//! column, is `ron`'s own, read at the same place in the text.
//!
//! Only structs are filtered; the contents of enum variants are read as `ron` reads them (the
//! sidecar's enums are bare names).

use std::marker::PhantomData;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IgnoredAny, IntoDeserializer, MapAccess,
    SeqAccess, Visitor,
};

/// Reads a `T` from `text`, ignoring the fields its structs do not name.
pub fn from_str<'de, T: de::Deserialize<'de>>(text: &'de str) -> ron::error::SpannedResult<T> {
    ron::Options::default().from_str_seed(text, Seed(PhantomData::<T>))
}

/// A seed whose value is read through [`Lenient`].
struct Seed<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Lenient(deserializer))
    }
}

/// A deserializer that hands every struct only the fields it names.
struct Lenient<D>(D);

/// Deserializer methods passed on as they are: nothing inside them is a struct.
macro_rules! forward {
    ($($method:ident),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.0.$method(visitor)
        }
    )*};
}

/// Deserializer methods whose contents may hold structs: passed on with the visitor wrapped.
macro_rules! wrap {
    ($($method:ident),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.0.$method(Visit::any(visitor))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Lenient<D> {
    type Error = D::Error;

    forward!(
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_unit,
        deserialize_identifier,
        deserialize_ignored_any,
    );
    wrap!(
        deserialize_any,
        deserialize_option,
        deserialize_seq,
        deserialize_map,
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_unit_struct(name, visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_newtype_struct(name, Visit::any(visitor))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple(len, Visit::any(visitor))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0
            .deserialize_tuple_struct(name, len, Visit::any(visitor))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = Visit {
            inner: visitor,
            fields: Some(fields),
        };
        self.0.deserialize_struct(name, fields, visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_enum(name, variants, visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// A visitor whose maps and sequences are read through [`Lenient`]; a struct's map (`fields`
/// given) yields only the keys it names.
struct Visit<V> {
    inner: V,
    fields: Option<&'static [&'static str]>,
}

impl<V> Visit<V> {
    fn any(inner: V) -> Visit<V> {
        Visit {
            inner,
            fields: None,
        }
    }
}

/// Visitor methods for plain values, passed on as they are.
macro_rules! visit {
    ($($method:ident: $value:ty),* $(,)?) => {$(
        fn $method<E: de::Error>(self, value: $value) -> Result<V::Value, E> {
            self.inner.$method(value)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Visit<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        self.inner.expecting(f)
    }

    visit!(
        visit_bool: bool,
        visit_i8: i8,
        visit_i16: i16,
        visit_i32: i32,
        visit_i64: i64,
        visit_i128: i128,
        visit_u8: u8,
        visit_u16: u16,
        visit_u32: u32,
        visit_u64: u64,
        visit_u128: u128,
        visit_f32: f32,
        visit_f64: f64,
        visit_char: char,
        visit_str: &str,
        visit_borrowed_str: &'de str,
        visit_string: String,
        visit_bytes: &[u8],
        visit_borrowed_bytes: &'de [u8],
        visit_byte_buf: Vec<u8>,
    );

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.inner.visit_some(Lenient(deserializer))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<V::Value, D::Error> {
        self.inner.visit_newtype_struct(Lenient(deserializer))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.inner.visit_seq(Seq(seq))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.inner.visit_map(Map {
            inner: map,
            fields: self.fields,
        })
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.inner.visit_enum(data)
    }
}

/// A sequence whose elements are read through [`Lenient`].
struct Seq<A>(A);

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Seq<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(Seed(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

/// A map whose values are read through [`Lenient`]; a struct's (`fields` given) skips the keys
/// it does not name, with their values.
struct Map<A> {
    inner: A,
    fields: Option<&'static [&'static str]>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Map<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let Some(fields) = self.fields else {
            return self.inner.next_key_seed(Seed(seed));
        };
        while let Some(key) = self.inner.next_key_seed(FieldName)? {
            if fields.contains(&key.as_str()) {
                return seed.deserialize(key.into_deserializer()).map(Some);
            }
            self.inner.next_value::<IgnoredAny>()?;
        }
        Ok(None)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.inner.next_value_seed(Seed(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// A struct's field name, read as the struct's own `Deserialize` reads it: an identifier.
struct FieldName;

impl<'de> DeserializeSeed<'de> for FieldName {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for FieldName {
    type Value = String;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<String, E> {
        Ok(name.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sidecar::Sidecar;

    const FILE: &str = r#"(
    version: 3,
    fingerprint: (xxh3: "0123456789abcdef", chars: 12),
    annotations: [
        (
            id: "a",
            tags: [Claim, Quote],
            note: "n",
            author: "x",
            created: "2025-01-13T09:00:00Z",
            modified: "2025-01-13T09:01:00Z",
            anchor: (exact: "Officials", start: 0, end: 9, first_unit: 0, last_unit: 0),
        ),
    ],
)
"#;

    /// `FILE` with a field of this build's types' unknown kinds added at every depth.
    fn with_new_fields() -> String {
        FILE.replacen(
            "version: 3,",
            "version: 3,\n    team: (name: \"desk\", ids: [1, 2]),",
            1,
        )
        .replacen("chars: 12", "chars: 12, salt: Some(\"x\")", 1)
        .replacen(
            "note: \"n\",",
            "review: \"Lee\", claim_group: (id: 3),\n note: \"n\",",
            1,
        )
        .replacen("start: 0,", "start: 0, context: [(a: 1)],", 1)
    }

    #[test]
    fn a_newer_file_reads_as_if_its_new_fields_were_not_there() {
        let plain: Sidecar = ron::from_str(FILE).unwrap();
        let text = with_new_fields();
        assert!(
            ron::from_str::<Sidecar>(&text).is_err(),
            "the types refuse them"
        );
        assert_eq!(from_str::<Sidecar>(&text).unwrap(), plain);
    }

    #[test]
    fn without_new_fields_errors_are_the_strict_reader_s_own() {
        for broken in [
            FILE.replacen("start: 0,", "start: \"zero\",", 1),
            FILE.replacen("Claim", "Clam", 1),
            FILE.replacen("end: 9, ", "", 1),
            FILE.replacen("created: \"2025", "created: \"x2025", 1),
            FILE.replacen("],\n)", "]\n", 1),
        ] {
            let strict = ron::from_str::<Sidecar>(&broken).unwrap_err();
            assert_eq!(
                from_str::<Sidecar>(&broken).unwrap_err(),
                strict,
                "{broken}"
            );
        }
    }

    #[test]
    fn errors_after_a_new_field_are_placed_where_they_stand() {
        let text = with_new_fields().replacen("end: 9,", "end: nine,", 1);
        let error = from_str::<Sidecar>(&text).unwrap_err();
        let line = text.lines().position(|l| l.contains("nine")).unwrap() + 1;
        assert_eq!(error.span.start.line, line, "{error}");
    }
}
