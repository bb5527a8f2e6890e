"""Short articles written for these tests: one wire story and its copies, an independent report
with a different death toll, a later strike in the same town, and two outlets relaying each other."""

from __future__ import annotations

import datetime

from newstrace.ingest.article import Article

WIRE = (
    "BEIRUT, March 3 (Reuters) - An Israeli air strike on a residential building in the southern "
    "Lebanese town of Nabatieh killed 12 people on Sunday, security sources said.\n\n"
    "Rescue teams searched the rubble through the afternoon for survivors, and ambulances carried the "
    "wounded to the government hospital on the edge of the town, witnesses told reporters.\n\n"
    "The Israeli military said its jets had struck a weapons depot belonging to Hezbollah in the area. "
    "Hezbollah did not immediately comment on the raid.\n\n"
    "Cross-border fire between Israel and the Iran-backed group has displaced tens of thousands of "
    "people on both sides of the frontier since October."
)

COPY_STAR = (
    "An Israeli air strike on a residential building in the southern Lebanese town of Nabatieh killed "
    "12 people on Sunday, security sources said.\n\n"
    "Rescue teams searched the rubble through the afternoon for survivors, and ambulances carried the "
    "wounded to the government hospital on the edge of the town, witnesses told reporters.\n\n"
    "The Israeli military said its jets had struck a weapons depot belonging to Hezbollah in the area. "
    "Hezbollah did not immediately comment on the raid.\n\n"
    "Cross-border fire between Israel and the Iran-backed group has displaced tens of thousands of "
    "people on both sides of the frontier since October. (Reuters)"
)

COPY_ARAB = (
    "An Israeli air strike on a residential building in the southern Lebanese town of Nabatieh killed "
    "12 people on Sunday, security sources said.\n\n"
    "Rescue teams searched the rubble through the afternoon for survivors, and ambulances carried the "
    "wounded to the government hospital on the edge of the town, witnesses told reporters.\n\n"
    "The Israeli military said its jets had struck a weapons depot belonging to Hezbollah in the area. "
    "Hezbollah did not immediately comment.\n\n"
    "Cross-border fire between Israel and the Iran-backed group has displaced tens of thousands of "
    "people on both sides of the frontier since October."
)

JAZEERA = (
    "Lebanon's civil defence said 15 people were killed when Israeli warplanes bombed an apartment block "
    "in Nabatieh on Sunday afternoon.\n\n"
    "Neighbours described a deafening blast that brought down three floors of the building. Medics said "
    "many of the dead were members of two families who had fled villages closer to the border.\n\n"
    "Israel says it is targeting Hezbollah infrastructure across the south."
)

LATER = (
    "An Israeli drone strike on a car near Nabatieh killed two men on Sunday, the Lebanese army said. "
    "The army said the car was hit on the road leading north out of the town.\n\n"
    "Funerals were held for the two men in the evening. Residents said the road had been quiet for a "
    "week before the attack."
)

CRADLE = (
    "Qatar has agreed to host a new round of talks between Hamas and Israel next week, Middle East Eye "
    "reported on Thursday.\n\n"
    "The talks would focus on a prisoner exchange and the reopening of crossings into Gaza. Egyptian "
    "mediators are expected to attend."
)

MEE = (
    "Qatar has agreed to host a new round of talks between Hamas and Israel, The Cradle reported.\n\n"
    "The report said Egyptian mediators would also take part and that the agenda included a prisoner "
    "exchange. Neither Doha nor Hamas has confirmed the plans."
)


def article(text: str, outlet: str, day: str) -> Article:
    return Article(text=text, outlet=outlet, published=datetime.date.fromisoformat(day))


NABATIEH = [
    article(WIRE, "Reuters", "2024-03-03"),
    article(COPY_STAR, "The Daily Star", "2024-03-04"),
    article(COPY_ARAB, "Arab News", "2024-03-04"),
    article(JAZEERA, "Al Jazeera", "2024-03-03"),
]
LATER_STRIKE = article(LATER, "Naharnet", "2024-03-17")
CIRCULAR = [article(CRADLE, "The Cradle", "2024-05-09"), article(MEE, "Middle East Eye", "2024-05-10")]
