"""A template part's render counter, for the tests of what is kept between renders."""


class Counter:
    """Counts its renders: {{ counter.next }} says how many times the part was rendered."""

    def __init__(self):
        self.count = 0

    def next(self):
        self.count += 1
        return self.count
