"""Plain words for every plan: one message catalogue and the one function that fills it from facts and settings.

The planner and the renderers never write a sentence that holds a number: they name a message and give the
facts (what changed, by how much); the words, and the thresholds they state, come from here. Translations
plug in as another catalogue.
"""

from plangen.wording.numbers import PERCENT_SETTINGS, number, percent, setting_words
from plangen.wording.message import Message
from plangen.wording.say import Limits, limits_of, referenced_settings, say, say_data

__all__ = ["PERCENT_SETTINGS", "Limits", "Message", "limits_of", "number", "percent", "referenced_settings", "say",
           "say_data", "setting_words"]
