"""
Hot-path reads whose SQL the ORM compiles once per process and database, then runs again with
new parameters.

Django builds and compiles a QuerySet's SQL afresh every time it runs. On the learner's hot
paths (the allowance read before feedback, the record and history reads of submit) that cost
0.25-0.6 ms of CPU per statement, ten to twenty times what the database took to answer (the
same SQL run on a cursor: about 25 µs). Here the SQL is still the ORM's own (its quoting,
columns, ordering and LIMIT for that database), built from the QuerySet the caller writes;
rows come back through ``RawQuerySet``, which applies the fields' converters as a QuerySet
does, so a caller gets the same model instances as before.
"""
from __future__ import annotations

from django.db import connections, router

# (query name, database alias, vendor) -> (sql, parameter plan). Filled once per key and never
# changed afterwards; a race between two first calls only builds the same value twice.
_SQL = {}


class Compiled:
    """One read, compiled on first use per database.

    ``build(**markers)`` returns the QuerySet with each named parameter as a marker value; the
    compiled SQL's parameters are then mapped back to names (a constant the QuerySet adds
    itself, e.g. ``is_current=True``, stays a constant).
    """

    def __init__(self, name, model, params, build):
        self.name, self.model, self.params, self.build = name, model, tuple(params), build

    def _compiled(self, alias):
        key = (self.name, alias, connections[alias].vendor)
        hit = _SQL.get(key)
        if hit is None:
            markers = {name: f"\x00{self.name}:{name}\x00" for name in self.params}
            by_marker = {marker: name for name, marker in markers.items()}
            queryset = self.build(**markers)
            sql, params = queryset.query.get_compiler(using=alias).as_sql()
            plan = tuple((True, by_marker[p]) if isinstance(p, str) and p in by_marker else (False, p)
                         for p in params)
            missing = set(self.params) - {name for named, name in plan if named}
            if missing:  # a parameter the SQL never uses: the build is wrong, not the caller
                raise ValueError(f"{self.name}: parameters {sorted(missing)} are not in the SQL")
            hit = _SQL[key] = (sql, plan)
        return hit

    def _bind(self, alias, values):
        sql, plan = self._compiled(alias)
        return sql, [values[value] if named else value for named, value in plan]

    def models(self, **values):
        """The rows as model instances (the build must select whole models)."""
        alias = router.db_for_read(self.model)
        sql, params = self._bind(alias, values)
        return list(self.model._default_manager.db_manager(alias).raw(sql, params))

    def rows(self, **values):
        """The rows as tuples (for a ``values_list`` build of plain columns, which need no
        converter: integers and text)."""
        alias = router.db_for_read(self.model)
        sql, params = self._bind(alias, values)
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
