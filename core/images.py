"""The renditions a listing card's picture shows, prefetched with the cards' images.

A card's ``{% picture item.image format-{avif,webp,jpeg} fill-{480x270,960x540} %}``
asks for the six specs below. Once an image's renditions are prefetched, Wagtail looks
for the ones it needs among them only: a spec missing from the prefetch is made again
(AVIF, WebP and JPEG encoded) on every request, then thrown away as a duplicate.
"""

from django.db import models
from wagtail.images import get_image_model

CARD_FORMATS = ("avif", "webp", "jpeg")
CARD_SIZES = ("480x270", "960x540")
#: Keep in step with the cards' ``{% picture %}`` tags (site/templates/includes/).
CARD_RENDITIONS = tuple(
    f"format-{image_format}|fill-{size}" for image_format in CARD_FORMATS for size in CARD_SIZES
)


def card_picture_prefetch(field):
    """Prefetch a card's ``field`` image with the renditions of its picture: two queries
    for a whole list."""
    return models.Prefetch(
        field, queryset=get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS)
    )
