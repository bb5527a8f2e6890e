"""Read queries of the web app that the store's own query module does not have (lists, details,
graphs), all through SQLAlchemy expressions with bound parameters."""
