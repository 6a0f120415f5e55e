"""The one error the rubric layer raises: what is wrong, and where (as data, for editors to mark)."""
from __future__ import annotations


class RubricError(ValueError):
    """A rubric (or scenario) that cannot be used, with where the problem is.

    ``path`` names the element, e.g. ``criterion[brief]/level[2]``; ``message`` says what is wrong.
    """

    def __init__(self, path, message):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)

    def to_dict(self):
        return {"path": self.path, "message": self.message}
