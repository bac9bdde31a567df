"""The directory's pages: organisations, projects, the proposal and join forms, and the
moderation task of proposed projects."""

from directory.choices import LegalForm, Membership, ProjectNeed, ProjectStatus

from .joining import JoinPage
from .moderation import ProjectModerationTask
from .organisations import DirectoryPage, OrganisationPage
from .projects import ProjectBankPage, ProjectPage, ProjectProposalPage

__all__ = [
    "DirectoryPage",
    "JoinPage",
    "LegalForm",
    "Membership",
    "OrganisationPage",
    "ProjectBankPage",
    "ProjectModerationTask",
    "ProjectNeed",
    "ProjectPage",
    "ProjectProposalPage",
    "ProjectStatus",
]
