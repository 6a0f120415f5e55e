"""Small helpers for driving the real workbench runtime through its URLs."""
import json

from django.test import Client
from workbench.scenarios import add_xml_scenario, get_scenarios

from devserver.services import dev_anonymous_id

STRONG_DRAFT = (
    "When I started this job I used to feel anxious around groups of people too. "
    "Slow breathing and taking small steps helped, and it got easier over time. "
    "What feels hardest for you right now, Jamie?"
)


class Workbench:
    """One scenario of the workbench, driven the way a browser would."""

    def __init__(self, scenario_id):
        self.scenario_id = scenario_id
        self.usage_id = get_scenarios()[scenario_id].usage_id
        self.client = Client()

    @classmethod
    def from_olx(cls, name, olx):
        add_xml_scenario(name, name, olx)
        return cls(name)

    def view(self, student, view="student_view", **params):
        query = "&".join([f"student={student}", *(f"{k}={v}" for k, v in params.items())])
        return self.client.get(f"/scenario/{self.scenario_id}/{view}/?{query}")

    def call(self, handler, student, payload=None, raw=None, method="post"):
        url = f"/handler/{self.usage_id}/{handler}/?student={student}"
        body = raw if raw is not None else json.dumps(payload if payload is not None else {})
        if method == "get":
            return self.client.get(url)
        return self.client.post(url, data=body, content_type="application/json")

    def json(self, handler, student, payload=None, expect=200):
        response = self.call(handler, student, payload)
        assert response.status_code == expect, (response.status_code, response.content[:500])
        return json.loads(response.content)

    def student_item(self, student):
        from disclosure_xblock.exercise import TAG

        return {"student_id": dev_anonymous_id(student), "course_id": self.course_id(),
                "item_id": str(self.usage_id), "item_type": TAG}

    def course_id(self):
        # The workbench patches this course id onto every block it renders or handles.
        return "course-v1:edX+Demo+2020"


def embedded_json(response, id_prefix):
    """The JSON a view embeds in ``<script id="<id_prefix>…" type="application/json">``."""
    html = response.content.decode()
    start = html.index(f'<script id="{id_prefix}')
    start = html.index(">", start) + 1
    return json.loads(html[start:html.index("</script>", start)])
