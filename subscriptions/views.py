"""The public pages: sign up, confirm, change or cancel, one-click unsubscribe, and the
embargo preview of a press release.

The links of the e-mails carry signed tokens; the forms that post with a token, and the
sign-up form shown on cached pages, need no CSRF cookie (``csrf_exempt``): the token is
the proof, and a sign-up posted from elsewhere changes nothing until its confirmation link
is followed. Whatever was wrong with a request (a forged or expired token, a bad address),
the visitor gets a page in their language saying so, never which addresses are known.
"""

import hashlib
import logging
import smtplib

from django.conf import settings
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from core.ratelimit import client_address, exceeded
from subscriptions import embargo, signup, tokens
from subscriptions.forms import CONSENT_WORDING, ManageForm, SubscribeForm
from subscriptions.models import PreviewLink, PreviewOpening

logger = logging.getLogger(__name__)

RATE_WINDOW_SECONDS = 3600


def _page(request, template, context, status=200):
    response = TemplateResponse(request, f"subscriptions/{template}.html", context, status=status)
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response


def message_page(request, title, text, *, status=200, link=None, link_label=None, lines=()):
    """A page that says one thing: done, check your inbox, or what went wrong."""
    return _page(
        request,
        "message",
        {"title": title, "text": text, "link": link, "link_label": link_label, "lines": lines},
        status=status,
    )


def _subscribe_url():
    return reverse("subscriptions:subscribe")


def _check_inbox(request):
    return message_page(
        request,
        _("Check your inbox"),
        _(
            "We have sent a message to the address you gave. Follow the link in it within 48 "
            "hours to confirm your choices: nothing is sent to you before. No message? Look in "
            "your spam folder, or sign up again."
        ),
    )


def _initial_from_query(request):
    """Choices offered by a link (``?regions=<key>&national_news=1``), and the source."""
    initial = {}
    for name in ("regions", "themes"):
        values = request.GET.getlist(name)
        if values:
            initial[name] = values
    for name in ("national_news", "press_releases", "events"):
        if request.GET.get(name):
            initial[name] = True
    if request.GET.get("frequency"):
        initial["frequency"] = request.GET["frequency"]
    return initial


@csrf_exempt
@require_http_methods(["GET", "POST"])
def subscribe(request):
    locale = Locale.get_active()
    if request.method == "GET":
        form = SubscribeForm(initial=_initial_from_query(request), locale=locale)
        response = TemplateResponse(request, "subscriptions/subscribe.html", {"form": form})
        return response

    form = SubscribeForm(request.POST, locale=locale)
    if form.is_bot:
        logger.info("subscriptions: honeypot filled, sign-up dropped")
        return _check_inbox(request)
    if exceeded(
        f"subscribe:client:{client_address(request)}",
        settings.SUBSCRIBE_RATE_LIMIT,
        RATE_WINDOW_SECONDS,
    ):
        form.is_valid()
        form.add_error(
            None, _("Too many sign-ups came from your connection. Please try again later.")
        )
        return _page(request, "subscribe", {"form": form}, status=429)
    if not form.is_valid():
        return _page(request, "subscribe", {"form": form}, status=400)

    email = form.cleaned_data["email"]
    digest = hashlib.sha256(email.encode()).hexdigest()
    if exceeded(
        f"subscribe:address:{digest}", settings.SUBSCRIBE_ADDRESS_RATE_LIMIT, RATE_WINDOW_SECONDS
    ):
        form.add_error(
            None, _("Too many sign-ups were made for this address. Please try again later.")
        )
        return _page(request, "subscribe", {"form": form}, status=429)

    signup_request = signup.request_signup(
        email,
        form.choices(),
        source=form.cleaned_data["source"],
        wording=str(CONSENT_WORDING),
        language=form.cleaned_data["language"],
    )
    try:
        signup.send_confirmation(signup_request)
    except (smtplib.SMTPException, OSError):
        logger.exception("subscriptions: the confirmation e-mail could not be sent")
        return message_page(
            request,
            _("The message could not be sent"),
            _("Our mail server did not answer: please try again in a few minutes."),
            status=503,
        )
    return _check_inbox(request)


def _bad_link(request, reason):
    if reason == "expired":
        text = _(
            "This link has expired: confirmation links are valid for 48 hours. Sign up again to get a new one."
        )
    elif reason == "used":
        text = _(
            "This link has already been used. If you want to change your choices, follow the link at the bottom of any of our e-mails."
        )
    else:
        text = _(
            "This link is not valid. It may have been cut or changed on the way: copy the whole link from the e-mail, or sign up again."
        )
    return message_page(
        request,
        _("This link does not work"),
        text,
        status=410 if reason in ("expired", "used") else 404,
        link=_subscribe_url(),
        link_label=_("Sign up"),
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    signup_request, reason = signup.find_request(token)
    if signup_request is None:
        return _bad_link(request, reason)
    lines = signup.summary(signup_request.choices, signup_request.language)
    if request.method == "GET":
        return _page(request, "confirm", {"lines": lines, "email": signup_request.subscriber.email})
    subscriber = signup.confirm(signup_request)
    if subscriber is None:
        return _bad_link(request, "used")
    return message_page(
        request,
        _("Your subscription is confirmed"),
        _("From now on you will receive:"),
        lines=lines,
        link=reverse("subscriptions:manage", args=[tokens.subscriber_token(subscriber)]),
        link_label=_("Change or cancel your subscription"),
    )


def _subscriber_or_404(request, token):
    subscriber = signup.find_subscriber(token)
    if subscriber is None:
        return None, message_page(
            request,
            _("This link does not work"),
            _(
                "This link is not valid. It may have been cut or changed on the way: copy the whole link from the e-mail."
            ),
            status=404,
            link=_subscribe_url(),
            link_label=_("Sign up"),
        )
    return subscriber, None


@csrf_exempt
@require_http_methods(["GET", "POST"])
def manage(request, token):
    subscriber, refusal = _subscriber_or_404(request, token)
    if refusal:
        return refusal
    locale = Locale.get_active()
    saved = False
    if request.method == "POST" and "unsubscribe" in request.POST:
        signup.unsubscribe(subscriber, "manage")
        return _unsubscribed(request, token)
    if request.method == "POST":
        form = ManageForm(request.POST, locale=locale)
        if form.is_valid():
            subscriber = signup.change(subscriber, form.choices(), str(CONSENT_WORDING))
            saved = True
    else:
        form = ManageForm(initial=signup.choices_of(subscriber), locale=locale)
    return _page(
        request,
        "manage",
        {"form": form, "subscriber": subscriber, "token": token, "saved": saved},
        status=400 if form.errors else 200,
    )


def _unsubscribed(request, token):
    return message_page(
        request,
        _("You are unsubscribed"),
        _(
            "You will receive no more e-mails from us. Changed your mind? You can subscribe again from the same page."
        ),
        link=reverse("subscriptions:manage", args=[token]),
        link_label=_("Subscribe again"),
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """The link of every e-mail's List-Unsubscribe header: a POST (RFC 8058 one-click,
    ``List-Unsubscribe=One-Click``, no cookie) unsubscribes; a GET asks first, so that a
    mail scanner following links unsubscribes no one."""
    subscriber, refusal = _subscriber_or_404(request, token)
    if refusal:
        return refusal
    if request.method == "POST":
        source = (
            "one-click"
            if request.POST.get("List-Unsubscribe") == "One-Click"
            else "unsubscribe page"
        )
        signup.unsubscribe(subscriber, source)
        return _unsubscribed(request, token)
    return _page(request, "unsubscribe", {"subscriber": subscriber})


# --- Embargo previews ----------------------------------------------------------------------


def _preview_refused(request, title, text, status):
    response = message_page(request, title, text, status=status)
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_http_methods(["GET"])
def preview(request, token):
    """A press release under embargo, as it will look, for the journalist the link names.

    Never cached (``private, no-store``), never indexed; each opening is logged."""
    key = tokens.preview_key(token)
    link = PreviewLink.objects.select_related("page").filter(key=key).first() if key else None
    if link is None:
        return _preview_refused(
            request,
            _("This preview link does not work"),
            _(
                "This link is not valid. Copy the whole link from the e-mail, or ask the press team for a new one."
            ),
            404,
        )
    if link.is_revoked or link.is_expired:
        return _preview_refused(
            request,
            _("This preview link has expired")
            if not link.is_revoked
            else _("This preview link was withdrawn"),
            _("Ask the press team for a new link if you still need one."),
            410,
        )
    page = link.page
    revision = embargo.approved_revision(page)
    if revision is None or revision.approved_go_live_at <= timezone.now():
        if page.live:  # the embargo is over: the release is public
            return redirect(page.get_url(request))
        return _preview_refused(
            request,
            _("This press release is no longer under embargo"),
            _("Its publication was called off or postponed. Ask the press team for news."),
            410,
        )
    PreviewOpening.objects.create(link=link)
    release = revision.as_object()
    context = release.get_context(request)
    context.update(
        page=release,
        self=release,
        embargo_until=revision.approved_go_live_at,
        preview_link=link,
    )
    response = TemplateResponse(request, "subscriptions/embargo_preview.html", context)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
