"""
Calibration: does the automatic feedback agree with the graders?

For every automatic criterion, over the submissions a grader has given levels to, compare the
automatic level with the grader's latest level: raw agreement, Cohen's kappa (agreement beyond
chance) and how often and which way graders override. This is how a course team learns whether
to trust and tune a rubric.

Cohen's kappa for one criterion, with n pairs (a_i, g_i) over level indices k:
    p_o = (1/n) * #{i : a_i == g_i}
    p_e = sum_k (#{a_i == k} / n) * (#{g_i == k} / n)
    kappa = (p_o - p_e) / (1 - p_e), undefined (None) when p_e == 1 (both raters used one level).
"""
from __future__ import annotations

from collections import Counter

from ..rubric.model import Rubric
from .models import SubmissionRecord


def kappa(pairs):
    """Cohen's kappa of ``pairs`` [(auto, grader)], or None when it is undefined."""
    n = len(pairs)
    if not n:
        return None
    observed = sum(1 for a, g in pairs if a == g) / n
    autos = Counter(a for a, _g in pairs)
    graders = Counter(g for _a, g in pairs)
    expected = sum(autos[k] * graders.get(k, 0) for k in autos) / (n * n)
    if expected >= 1:
        return None
    return (observed - expected) / (1 - expected)


def snapshots(ctx):
    """{rubric_version: rubric snapshot} for this exercise: one query per version, few versions."""
    out = {}
    versions = (SubmissionRecord.objects.filter(course_id=ctx.course_id, item_id=ctx.item_id)
                .values_list("rubric_version", flat=True).distinct())
    for version in versions:
        out[version] = (SubmissionRecord.objects
                        .filter(course_id=ctx.course_id, item_id=ctx.item_id, rubric_version=version)
                        .values_list("rubric", flat=True).first()) or {}
    out.setdefault(ctx.rubric_version, ctx.rubric)
    return out


def pairs_by_criterion(ctx, rubrics=None):
    """{criterion id: [(auto level, grader level), ...]} over graded current submissions."""
    rubrics = rubrics if rubrics is not None else snapshots(ctx)
    automatic = {
        version: {c.id for c in Rubric.from_snapshot(rubric).criteria if c.is_automatic}
        for version, rubric in rubrics.items()
    }
    pairs = {}
    rows = (SubmissionRecord.objects
            .filter(course_id=ctx.course_id, item_id=ctx.item_id, is_current=True,
                    latest_assessment__isnull=False)
            .values_list("rubric_version", "auto_levels", "latest_assessment__levels")
            .iterator(chunk_size=1000))
    for version, auto_levels, levels in rows:
        if not levels:
            continue
        for cid in automatic.get(version, ()):
            auto, grader = (auto_levels or {}).get(cid), levels.get(cid)
            if isinstance(auto, int) and isinstance(grader, int):
                pairs.setdefault(cid, []).append((auto, grader))
    return pairs


def criterion_stats(pairs):
    n = len(pairs)
    agree = sum(1 for a, g in pairs if a == g)
    k = kappa(pairs)
    return {
        "n": n,
        "agreement": round(agree / n, 4) if n else None,
        "kappa": round(k, 4) if k is not None else None,
        "overrides": n - agree,
        "override_rate": round((n - agree) / n, 4) if n else None,
        "raised": sum(1 for a, g in pairs if g > a),
        "lowered": sum(1 for a, g in pairs if g < a),
    }


def calibration(ctx):
    rubrics = snapshots(ctx)
    pairs = pairs_by_criterion(ctx, rubrics)
    labels = {}
    for rubric in [ctx.rubric, *rubrics.values()]:
        for c in Rubric.from_snapshot(rubric).criteria:
            labels.setdefault(c.id, c.label)
    ordered_ids = [c.id for c in Rubric.from_snapshot(ctx.rubric).criteria if c.is_automatic]
    ordered_ids += sorted(cid for cid in pairs if cid not in ordered_ids)
    criteria = [{"id": cid, "label": labels.get(cid, cid), **criterion_stats(pairs.get(cid, []))}
                for cid in ordered_ids]
    most = sorted((c for c in criteria if c["n"]), key=lambda c: (-c["override_rate"], c["id"]))
    return {
        "criteria": criteria,
        "graded": max((c["n"] for c in criteria), default=0),
        "most_overridden": [c["id"] for c in most if c["overrides"]],
    }
