//! The site owner's tools page (`tools.html`): the check page and the embed-code builder, a
//! wasm of their own so that the fan's widget doesn't carry them. Mounts the page once the
//! module is ready.
fn main() {
    spoilerfeed::platform::install_crash_card();
    // The page is the browser's only; natively this binary does nothing.
    #[cfg(target_arch = "wasm32")]
    spoilerfeed::mount::tools::mount_page();
}
