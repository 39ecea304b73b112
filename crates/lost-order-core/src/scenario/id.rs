//! `Id`: an author's identifier, shared rather than copied when cloned.

use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An identifier an author gives a person, action, scene, flag… (`"liao"`, `"site_visit"`).
///
/// It reads, writes, prints, compares, orders and hashes exactly as the string it holds
/// (scenarios, records, settings and JSON hold the bare string), so a map keyed by `Id` is
/// looked up with a `&str`. Cloning one shares the text (a reference count) instead of
/// copying it: a session clones ids into its log, decisions and hidden timeline at every step.
#[derive(Clone, Default, Eq)]
pub struct Id(Arc<str>);

impl Id {
    /// Whether `other` is this very id (the same shared text), without comparing the texts:
    /// true for ids read together (`sharing`) or cloned from one another.
    pub(crate) fn is(&self, other: &Id) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// The text of the id.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// As the texts order; the same shared text is equal at once (a flag looked up in a set).
impl Ord for Id {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        if self.is(other) {
            return std::cmp::Ordering::Equal;
        }
        self.0.cmp(&other.0)
    }
}

impl PartialOrd for Id {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Deref for Id {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

/// As a `String` prints: quoted and escaped (`"liao"`).
impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl From<&str> for Id {
    fn from(text: &str) -> Self {
        Id(Arc::from(text))
    }
}

impl From<&String> for Id {
    fn from(text: &String) -> Self {
        Id(Arc::from(text.as_str()))
    }
}

impl From<String> for Id {
    fn from(text: String) -> Self {
        Id(Arc::from(text))
    }
}

impl From<Id> for String {
    fn from(id: Id) -> Self {
        id.0.as_ref().to_owned()
    }
}

/// Whether two texts are the same; ids that differ mostly differ in their length or their
/// first byte (`wang`, `zhao`), which are compared before the rest.
fn same_text(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

/// As the text hashes, so that a map keyed by `Id` is looked up with a `&str`.
impl std::hash::Hash for Id {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

/// As the texts compare; the same shared text is equal at once.
impl PartialEq for Id {
    fn eq(&self, other: &Id) -> bool {
        self.is(other) || same_text(&self.0, &other.0)
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        same_text(&self.0, other)
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        same_text(&self.0, other)
    }
}

impl PartialEq<String> for Id {
    fn eq(&self, other: &String) -> bool {
        same_text(&self.0, other)
    }
}

impl PartialEq<Id> for str {
    fn eq(&self, other: &Id) -> bool {
        same_text(self, &other.0)
    }
}

impl PartialEq<Id> for &str {
    fn eq(&self, other: &Id) -> bool {
        same_text(self, &other.0)
    }
}

impl PartialEq<Id> for String {
    fn eq(&self, other: &Id) -> bool {
        same_text(self, &other.0)
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// Reads the bare string; inside `sharing`, an id read before gives back its shared text.
impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Ok(SHARED.with_borrow_mut(|shared| match shared {
            Some(known) => match known.get(text.as_str()) {
                Some(same) => Id(same.clone()),
                None => {
                    let id: Arc<str> = Arc::from(text);
                    known.insert(id.clone());
                    Id(id)
                }
            },
            None => Id::from(text),
        }))
    }
}

thread_local! {
    /// The texts of the ids read so far inside `sharing` on this thread; `None` outside it.
    static SHARED: RefCell<Option<HashSet<Arc<str>>>> = const { RefCell::new(None) };
}

/// Runs `read` so that every `Id` it deserializes with the same text shares one text: a
/// scenario's ids then compare equal by address first (`Arc`'s equality does), which the
/// engine's lookups at every step rely on for speed, never for correctness.
pub(crate) fn sharing<T>(read: impl FnOnce() -> T) -> T {
    /// Ends the sharing even if `read` panics, so that no later read keeps the texts.
    struct Done;
    impl Drop for Done {
        fn drop(&mut self) {
            SHARED.set(None);
        }
    }
    SHARED.set(Some(HashSet::new()));
    let _done = Done;
    read()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn reads_and_writes_as_the_bare_string() {
        let id: Id = serde_json::from_str(r#""liao""#).unwrap();
        assert_eq!(id, "liao");
        assert_eq!(serde_json::to_string(&id).unwrap(), r#""liao""#);
        let ids: Vec<Id> = ron::from_str(r#"["a", "b\"c"]"#).unwrap();
        assert_eq!(ron::to_string(&ids).unwrap(), r#"["a","b\"c"]"#);
    }

    #[test]
    fn prints_as_a_string_does() {
        let text = "wang \"jr\" 王";
        let id = Id::from(text);
        assert_eq!(format!("{id:?}"), format!("{:?}", text.to_string()));
        assert_eq!(format!("{id}"), text);
        assert_eq!(format!("{id:>12}"), format!("{text:>12}"));
    }

    #[test]
    fn orders_and_looks_up_as_str() {
        let mut map = BTreeMap::new();
        map.insert(Id::from("b"), 2);
        map.insert(Id::from("a"), 1);
        assert_eq!(map.get("a"), Some(&1));
        assert_eq!(map.keys().map(Id::as_str).collect::<Vec<_>>(), ["a", "b"]);
        let (ab, b) = (Id::from("ab"), Id::from("b"));
        assert!(ab < b);
        assert_eq!(b.cmp(&b.clone()), std::cmp::Ordering::Equal);
        assert_eq!(String::from(Id::from("x")), "x");
    }

    #[test]
    fn ids_read_together_share_their_text() {
        let read = || ron::from_str::<Vec<Id>>(r#"["wang", "liu", "wang"]"#).unwrap();
        let shared = sharing(read);
        assert!(shared[0].is(&shared[2]));
        assert!(!shared[0].is(&shared[1]));
        // Outside `sharing`, equal texts are equal but not shared; nothing is kept between reads.
        let apart = read();
        assert!(!apart[0].is(&apart[2]));
        assert_eq!(apart[0], apart[2]);
        assert!(!sharing(read)[0].is(&shared[0]));
    }
}
