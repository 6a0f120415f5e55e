"""
The dev server's WSGI application for multi-process servers (the load test's gunicorn).

xblock-sdk builds its scenario registry lazily, on a process's first request, and that is not
safe to race: two first requests at once in one process fail ("Already have a '…' scenario"),
and two processes loading at once each rewrite the scenarios' XBlockState rows (the workbench
deletes and recreates the "children" rows, and get_or_create on a table with no unique key can
insert a row twice: later reads then raise MultipleObjectsReturned). Loading the registry here,
at import, with gunicorn's ``--preload`` does it once, in the master, before any worker forks or
any request arrives; the workers inherit it. The LMS has no such registry.
"""
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "devserver.settings")

from django.core.wsgi import get_wsgi_application  # noqa: E402  (after the settings module is set)
from django.db import connections  # noqa: E402

application = get_wsgi_application()  # sets Django up: the workbench's models can load now

from workbench.scenarios import get_scenarios  # noqa: E402

get_scenarios()
# Forked workers must not share the master's database connections.
connections.close_all()
