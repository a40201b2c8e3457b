"""The version of diplograph (the one in pyproject.toml)."""

__version__ = "0.1.0"
