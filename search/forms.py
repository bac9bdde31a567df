"""The search page's parameters. Invalid values are dropped, never an error page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import ThemeCode

from .facets import SORTS, TYPE_LABELS
from .query import clean_query


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the site"), required=False, strip=False)
    type = forms.ChoiceField(choices=list(TYPE_LABELS.items()), required=False)
    region = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    theme = forms.ChoiceField(choices=ThemeCode.choices, required=False)
    year = forms.IntegerField(required=False, min_value=1000, max_value=9999)
    sort = forms.ChoiceField(choices=list(SORTS.items()), required=False)

    def clean_q(self):
        return clean_query(self.cleaned_data.get("q") or "")

    def values(self):
        """The valid parameters; an invalid one counts as absent."""
        self.is_valid()
        data = {name: self.cleaned_data.get(name) for name in self.fields}
        data["q"] = data["q"] or ""
        data["sort"] = data["sort"] or "relevance"
        return data
