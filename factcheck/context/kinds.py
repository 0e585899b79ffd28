"""The kinds of entity the gazetteer knows, and which of them are places (import-free, for start-up)."""

#: entity types that are places (a dam or a crossing is a ``place``)
PLACE_TYPES = frozenset({"camp", "city", "country", "province", "region", "territory", "place"})
ENTITY_TYPES = frozenset(
    {
        "camp",
        "military",
        "armed_group",
        "coalition",
        "agency",
        "organisation",
        "country",
        "territory",
        "city",
        "province",
        "region",
        "media",
        "government",
        "person",
        "place",
        "other",
    }
)
