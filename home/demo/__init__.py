"""The demo site: content as data (``data``), generated media (``media``) and the steps
that build the page tree from them (``builder``). ``manage.py load_demo_content`` runs
``builder.build()``; other apps add steps with the ``register_demo_content_step`` hook
(see ``builder.run_extra_steps``).
"""
