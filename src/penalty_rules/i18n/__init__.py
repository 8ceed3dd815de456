"""Messages of the explanation trace, in Vietnamese and English."""
