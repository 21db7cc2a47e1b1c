"""The web edge: the Gradio chat, the HTTP API and the embeddable widget, served by one process.

``server.build_app`` wires them; ``app.py`` at the project root starts it. Importing this package is cheap:
gradio and the models load only when the app is built.
"""
