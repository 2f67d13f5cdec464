//! Lev Kamenev: the app.
