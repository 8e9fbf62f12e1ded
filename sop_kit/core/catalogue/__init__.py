"""The message catalogue, one module per wing: data only, merged by :mod:`sop_kit.core.messages`.

Each entry is ``code: (id message, id hint, en message, en hint)``; params fill ``{name}``.
"""
