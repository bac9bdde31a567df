"""What a coordinator may not do to their region page itself: delete, move or unpublish it.

Used by ``RegionPage.permissions_for_user``; the groups themselves are in
``regions.permissions``.
"""

from core.permissions import SitePagePermissionTester


class RegionPagePermissionTester(SitePagePermissionTester):
    """Deleting, moving or unpublishing a region takes permissions granted above it.

    Wagtail's page permissions apply to a page and everything below it. A coordination
    group holds its permissions on the region page, so that it can publish the region's
    home and its content; deleting, moving or unpublishing the region page itself is
    kept for those whose permissions come from an ancestor (the national team).
    """

    def __init__(self, user, page):
        super().__init__(user, page)
        if user.is_active and not user.is_superuser:
            _actions, self.inherited_permissions = self.actions_of(
                [
                    perm
                    for perm in self.permission_policy.get_cached_permissions_for_user(user)
                    if page.path.startswith(perm.page.path) and page.path != perm.page.path
                ]
            )

    def _inherited_only(self, check, *args, **kwargs):
        if not self.user.is_active or self.user.is_superuser:
            return check(*args, **kwargs)
        saved = self.permissions, self.structural_permissions
        self.permissions = self.structural_permissions = self.inherited_permissions
        try:
            return check(*args, **kwargs)
        finally:
            self.permissions, self.structural_permissions = saved

    def can_delete(self, ignore_bulk=False):
        return self._inherited_only(super().can_delete, ignore_bulk=ignore_bulk)

    def can_unpublish(self):
        return self._inherited_only(super().can_unpublish)
