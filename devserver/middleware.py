"""Dev-server convenience: ``?lang=es`` switches the workbench's language (and remembers it)."""
from django.conf import settings
from django.utils import translation


class QueryLanguageMiddleware:
    """Activate the language named by ``?lang=`` and keep it in Django's language cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = request.GET.get("lang")
        if language not in dict(settings.LANGUAGES):
            return self.get_response(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, samesite="Lax")
        return response
