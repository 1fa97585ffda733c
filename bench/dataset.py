"""The benchmark's large dataset, built with bulk inserts."""


def build():
    return {}
