"""Time expressions: reference dates and normalisation of dates against them."""
