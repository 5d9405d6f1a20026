use serde::{Deserialize, Serialize};

/// A compact interned id for a person in one graph.
///
/// Ids are an implementation detail of one [`RelationshipGraph`](crate::RelationshipGraph):
/// they are never written to files, and the same key may get another id in
/// another graph (or after a snapshot round trip). Address people by key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PersonId(pub(crate) u32);

impl PersonId {
    /// The id as an index, for dense per-person arrays.
    ///
    /// ```
    /// # use tiegraph::RelationshipGraph;
    /// let mut g = RelationshipGraph::new();
    /// let id = g.add_person(tiegraph::Person::new("ann")).unwrap();
    /// assert_eq!(id.index(), 0);
    /// ```
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A person: a key that identifies them (an email address, a handle) and
/// optional details.
///
/// ```
/// use tiegraph::Person;
/// let p = Person::new("lee@daily.example")
///     .with_name("Lee Park")
///     .with_organisation("The Daily Example")
///     .with_role("tech reporter")
///     .with_tags(["press", "ai"]);
/// assert_eq!(p.key, "lee@daily.example");
/// assert_eq!(p.tags, vec!["press".to_string(), "ai".to_string()]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Person {
    /// The key that identifies the person in this graph; never empty.
    pub key: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Organisation or outlet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Role (reporter, founder, press officer...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Free tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

impl Person {
    /// A person with this key and no details.
    pub fn new(key: impl Into<String>) -> Person {
        Person {
            key: key.into(),
            ..Person::default()
        }
    }

    /// Sets the display name.
    pub fn with_name(mut self, name: impl Into<String>) -> Person {
        self.name = Some(name.into());
        self
    }

    /// Sets the organisation or outlet.
    pub fn with_organisation(mut self, organisation: impl Into<String>) -> Person {
        self.organisation = Some(organisation.into());
        self
    }

    /// Sets the role.
    pub fn with_role(mut self, role: impl Into<String>) -> Person {
        self.role = Some(role.into());
        self
    }

    /// Sets the tags.
    pub fn with_tags<I, S>(mut self, tags: I) -> Person
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.tags = tags.into_iter().map(Into::into).collect();
        self
    }

    /// Fills the details this person lacks from `other` (used by merge):
    /// fields already set are kept, tags are united.
    pub(crate) fn fill_from(&mut self, other: &Person) {
        if self.name.is_none() {
            self.name.clone_from(&other.name);
        }
        if self.organisation.is_none() {
            self.organisation.clone_from(&other.organisation);
        }
        if self.role.is_none() {
            self.role.clone_from(&other.role);
        }
        for t in &other.tags {
            if !self.tags.contains(t) {
                self.tags.push(t.clone());
            }
        }
    }
}
