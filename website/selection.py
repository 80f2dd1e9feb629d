"""Facet choices read from a query string and applied in memory, shared by the listings
that filter and count over rows they hold (the policy library, the site search)."""


def read_selection(params, allowed, limit=20):
    """{param: [values]}: the query string's values for each facet that are known."""
    selected = {}
    for param, values in allowed.items():
        chosen = [v for v in dict.fromkeys(params.getlist(param)) if v in values][:limit]
        if chosen:
            selected[param] = chosen
    return selected


def within(values_of, selected, exclude=None):
    """Whether an item (`values_of(param)` → its set of values) has one of the chosen
    values of every facet but `exclude`."""
    return all(
        values_of(param) & set(chosen) for param, chosen in selected.items() if param != exclude
    )
