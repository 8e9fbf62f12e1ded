"""The approval trail, read from git history: :func:`load_trail` gives the typed
:class:`Trail` of an opened archive."""
