"""The links the link checker visits: those every app registers in `registry.link_sources`
(in its contributions.py), each a function returning (url, label) pairs, the label saying
where the link is used."""

from collectif import registry


def gather(sources=None):
    """Every address to check, each with the labels of the places that use it."""
    found = {}
    for source in registry.link_sources if sources is None else sources:
        for url, label in source():
            if url:
                found.setdefault(url, []).append(label)
    return found
