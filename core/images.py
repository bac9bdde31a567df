"""The renditions a card's picture asks for, to prefetch with a listing's images.

A card shows ``{% picture item.image format-{avif,webp,jpeg} fill-{480x270,960x540} %}``:
six renditions. Wagtail takes prefetched renditions as the whole truth (a spec missing
from them is made anew, and the copy found in the database afterwards is kept), so a
prefetch must name every one of them, or each view of a listing encodes its pictures again.
"""

CARD_PICTURE_FILTERS = tuple(
    f"format-{image_format}|fill-{size}"
    for image_format in ("avif", "webp", "jpeg")
    for size in ("480x270", "960x540")
)
