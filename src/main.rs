//! Standalone entry point: readies the module; `loader.js` then mounts the page's widget.
fn main() {
    spoilerfeed::platform::install_crash_card();
}
