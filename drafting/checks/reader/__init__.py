"""The learned reader: a linear model over words and letter runs, trained on the labelled
replies in tests/data, that reads the checks no pattern list covers on new wording (guesses at
causes, liability, legal, medical and financial promises, other customers, defensiveness,
blame-shifting, hostility, sarcasm).

It only adds findings, for checks the rules let pass, and each names its sentence and the words
that weigh most; a lead may always override one with a reason. It is off unless a brand's
``policy.yaml`` turns it on (``reader: {enabled: true}``, optionally ``severity: warn``): on
blind sets it finds about one in ten of the mistakes the rules miss with almost no false alarm,
but it cannot tell some near misses the rules were taught ("we'll probably reply after the
weekend", "we take full responsibility for the delay"). Figures: benchmarks/README.md.
"""
