"""Subscription and embargo preview URLs, translated (inside i18n_patterns):
/fr/abonnement/…, /en/subscribe/…, /fr/embargo/…"""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from subscriptions import views

app_name = "subscriptions"
urlpatterns = [
    path(_("subscribe/"), views.subscribe, name="subscribe"),
    path(_("subscribe/confirm/<str:token>/"), views.confirm, name="confirm"),
    path(_("subscribe/manage/<str:token>/"), views.manage, name="manage"),
    path(_("subscribe/unsubscribe/<str:token>/"), views.unsubscribe, name="unsubscribe"),
    path(_("embargo/<str:token>/"), views.preview, name="preview"),
]
