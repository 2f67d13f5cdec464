//! Entry point: install the panic hook, then mount the app.

fn main() {
    kamenev::panic::install();
    kamenev::mount();
}
