"""The one error the rubric layer raises: what is wrong, and where (as data, for editors to mark)."""
from __future__ import annotations


class RubricError(ValueError):
    """A rubric (or scenario) that cannot be used, with where the problem is.

    ``path`` names the element, e.g. ``criterion[brief]/level[2]``; ``field`` the setting inside
    it that is wrong (``points``, ``phrases``, ``met_min`` …; empty when it is the element as a
    whole), as data, so an editor can mark the input without reading the wording;
    ``message`` says what is wrong.
    """

    def __init__(self, path, message, field=""):
        self.path = path
        self.message = message
        self.field = field
        super().__init__(f"{path}: {message}" if path else message)

    def to_dict(self):
        return {"path": self.path, "message": self.message}
