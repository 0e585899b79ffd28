"""The kinds of entity the gazetteer knows, which of them are places, and the few canonical names the
context pass writes and the comparator reads (import-free, for start-up)."""

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


#: what a party holds, by the unit that counts it: its seats or its votes (the measure of that name)
HELD_UNITS = {"seat": "seats", "vote": "votes"}
#: the unit of a multiple ("25 times the pre-war price"): a ratio, never a count of anything
TIMES = "times"
#: in ``[frame.total] raises``: a figure of what is needed that names no event ("need complete rebuilding")
NEED = "need"
