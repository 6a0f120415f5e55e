"""
The cohort at a glance: per criterion, how levels are spread (automatic and instructor), how
often and which way instructors overrode the engine, how many drafts learners needed to reach
the top level, and the most frequent concerns (criteria below the top, red flags).

Everything is counted by the database, never by loading submissions into Python: one aggregate
query over the current records (totals, red flags), one grouped query per criterion (automatic
level x instructor level, read out of the JSON columns: at most (levels + 1)^2 rows back), and
one grouped query over the feedback history for the drafts. Levels
are indices into the current rubric's levels; submissions judged on another rubric version are
left out of the level counts (an index means another level there).
"""
from __future__ import annotations

import hashlib
import json

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, IntegerField, Max, Q, Sum
from django.utils import translation
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast

from ..feedback import flags as flag_registry
from ..rubric.model import Rubric
from .models import FeedbackEntry
from .queue import item_records
from .serialize import flag_labels

# Drafts beyond this many are counted together ("5 or more").
MAX_DRAFT_BUCKET = 5
TOP_CONCERNS = 5
CACHE_SECONDS = 600


def _level(column, cid):
    return Cast(KeyTextTransform(cid, column), IntegerField())


def cohort(ctx):
    """The cohort counts, from the Django cache while nothing has changed.

    The key carries a stamp of what the counts depend on (submissions, the latest assessments,
    the feedback history), read with two small aggregates: a new submission, grade or draft
    makes a new key, so the view is never stale, and a repeat visit skips the big counts.
    """
    stamp = item_records(ctx).aggregate(n=Count("pk"), s=Max("submitted_at"), a=Max("latest_assessment_id"),
                                        v=Sum("version"))
    stamp["f"] = FeedbackEntry.objects.filter(course_id=ctx.course_id, item_id=ctx.item_id).aggregate(
        f=Max("id"))["f"]
    digest = hashlib.sha256(json.dumps([ctx.course_id, ctx.item_id, ctx.rubric_version, ctx.rubric,
                                        translation.get_language(), stamp], default=str,
                                       sort_keys=True).encode("utf-8")).hexdigest()
    key = f"disclosure:cohort:{digest}"
    result = cache.get(key)
    if result is None:
        result = _count(ctx)
        cache.set(key, result, CACHE_SECONDS)
    return result


def _count(ctx):
    rubric = Rubric.from_snapshot(ctx.rubric)
    criteria = [c for c in rubric.criteria if c.levels]
    rows = item_records(ctx).filter(rubric_version=ctx.rubric_version)
    kinds = list(flag_registry.KINDS)
    # The stored flag list is JSON text; a kind is a quoted word in it.
    totals = rows.aggregate(
        total=Count("pk"), graded=Count("pk", filter=Q(latest_assessment__isnull=False)),
        **{f"flag{j}": Count("pk", filter=Q(red_flags__icontains=f'"{kind}"')) for j, kind in enumerate(kinds)})
    # Per criterion one grouped query: (automatic level, instructor level) -> submissions. Each
    # row's JSON is read twice per criterion, and the answer is at most (levels + 1)^2 rows.
    matrices = []
    for c in criteria:
        pairs = (rows.annotate(a=_level("auto_levels", c.id), g=_level("latest_assessment__levels", c.id))
                 .values_list("a", "g").annotate(n=Count("pk")).order_by())
        matrices.append(list(pairs))
    drafts = drafts_to_top(ctx, criteria)
    out = []
    for i, c in enumerate(criteria):
        size = len(c.levels)
        auto, grader = [0] * size, [0] * size
        pairs = raised = lowered = 0
        for a, g, n in matrices[i]:
            a = a if isinstance(a, int) and 0 <= a < size else None
            g = g if isinstance(g, int) and 0 <= g < size else None
            if a is not None:
                auto[a] += n
            if g is not None:
                grader[g] += n
            if a is not None and g is not None:
                pairs += n
                raised += n if g > a else 0
                lowered += n if g < a else 0
        below_top = sum(auto[:-1])
        out.append({
            "id": c.id, "label": c.label, "automatic": c.is_automatic,
            "levels": [level.label or str(k + 1) for k, level in enumerate(c.levels)],
            "auto": auto if c.is_automatic else None,
            "instructor": grader,
            "compared": pairs if c.is_automatic else 0,
            "raised": raised if c.is_automatic else 0,
            "lowered": lowered if c.is_automatic else 0,
            "override_rate": round((raised + lowered) / pairs, 4) if pairs and c.is_automatic else None,
            "below_top": below_top if c.is_automatic else None,
            "drafts_to_top": drafts.get(c.id) if c.is_automatic else None,
        })
    overridden = sorted((c for c in out if c["override_rate"]), key=lambda c: (-c["override_rate"], c["id"]))
    concerns = [{"kind": "criterion", "id": c["id"], "label": c["label"], "count": c["below_top"]}
                for c in out if c["below_top"]]
    concerns += [{"kind": "flag", "id": kind, "label": flag_labels([kind], flag_registry.SCHEME)[0],
                  "count": totals[f"flag{j}"]} for j, kind in enumerate(kinds) if totals[f"flag{j}"]]
    concerns.sort(key=lambda item: (-item["count"], item["label"]))
    return {
        "total": totals["total"], "graded": totals["graded"], "criteria": out,
        "most_overridden": [c["id"] for c in overridden],
        "concerns": concerns[:TOP_CONCERNS],
        "max_draft_bucket": MAX_DRAFT_BUCKET,
    }


def drafts_to_top(ctx, criteria):
    """{criterion id: [learners who first reached the top level on draft 1, 2, …, MAX+ ; never]}.

    One query: each learner's feedback requests numbered in order (a window function), the
    first number at which each criterion was at its top level, then counted per number. SQLite
    (3.25+) and MariaDB/MySQL (10.2+/8.0+) both have window functions and JSON_EXTRACT.
    """
    automatic = [c for c in criteria if c.is_automatic]
    if not automatic:
        return {}
    q = connection.ops.quote_name
    table = q(FeedbackEntry._meta.db_table)
    met_columns, params = [], []
    for i, c in enumerate(automatic):
        # The criterion ids are [a-z][a-z0-9_] (rubric/model.py), so the JSON path needs no escaping.
        met_columns.append(f"CASE WHEN CAST(JSON_EXTRACT({q('result')}, %s) AS SIGNED) = %s "
                           f"THEN rn END AS m{i}")
        params += [f'$.levels."{c.id}"', len(c.levels) - 1]
    if connection.vendor == "sqlite":
        met_columns = [column.replace("AS SIGNED", "AS INTEGER") for column in met_columns]
    firsts = ", ".join(f"MIN(m{i}) AS d{i}" for i in range(len(automatic)))
    buckets = " UNION ALL ".join(
        f"SELECT {i} AS c, CASE WHEN d{i} > {MAX_DRAFT_BUCKET} THEN {MAX_DRAFT_BUCKET} ELSE d{i} END AS d, "
        f"COUNT(*) AS n FROM per_learner GROUP BY CASE WHEN d{i} > {MAX_DRAFT_BUCKET} THEN "
        f"{MAX_DRAFT_BUCKET} ELSE d{i} END"
        for i in range(len(automatic)))
    sql = (
        f"WITH numbered AS (SELECT {q('anonymous_id')} AS learner, ROW_NUMBER() OVER "
        f"(PARTITION BY {q('anonymous_id')} ORDER BY {q('id')}) AS rn, {q('result')} FROM {table} "
        f"WHERE {q('course_id')} = %s AND {q('item_id')} = %s), "
        f"marked AS (SELECT learner, {', '.join(met_columns)} FROM numbered), "
        f"per_learner AS (SELECT learner, {firsts} FROM marked GROUP BY learner) "
        f"{buckets}")
    out = {c.id: [0] * (MAX_DRAFT_BUCKET + 1) for c in automatic}
    with connection.cursor() as cursor:
        cursor.execute(sql, [ctx.course_id, ctx.item_id, *params])
        for index, drafts, count in cursor.fetchall():
            slot = MAX_DRAFT_BUCKET if drafts is None else int(drafts) - 1
            out[automatic[int(index)].id][slot] += int(count)
    return out
