//! Standalone entry point: mounts the widget on the page that loads it.
fn main() {
    spoilerfeed::start();
}
